// Runs once when the Next.js server starts: the health-probe scheduler, the webhook
// delivery rounds and the notification email rounds live in the web process.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { rateLimitWarning } = await import("./server/http/rate-limit");
    const warning = rateLimitWarning();
    if (warning) console.warn(warning);
    const { startProbeScheduler } = await import("./server/services/probe-scheduler");
    startProbeScheduler();
    const { startWebhookDeliveries } = await import("./server/webhooks/deliver");
    startWebhookDeliveries();
    const { startEmailDigests } = await import("./server/email/send-digests");
    startEmailDigests();
  }
}
