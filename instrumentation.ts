// Runs once when the Next.js server starts: the health-probe scheduler and the webhook
// delivery rounds live in the web process.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startProbeScheduler } = await import("./server/services/probe-scheduler");
    startProbeScheduler();
    const { startWebhookDeliveries } = await import("./server/webhooks/deliver");
    startWebhookDeliveries();
  }
}
