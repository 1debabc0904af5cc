// Runs once when the Next.js server starts: the health-probe scheduler, the webhook
// delivery rounds and the notification email rounds live in the web process.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    // Before anything reads it: a bad configuration stops the start with one line.
    const { checkServerEnv } = await import("./server/env");
    checkServerEnv();
    // First: the sign-in throttle and the audit trail read the client address from the socket.
    const { recordPeerAddresses } = await import("./server/http/client-address");
    recordPeerAddresses();
    const { rateLimitWarning } = await import("./server/http/rate-limit");
    const warning = rateLimitWarning();
    if (warning) console.warn(warning);
    // With no user yet, /setup asks for a one-time code, printed here.
    const { announceSetupCode } = await import("./server/users/setup-code");
    await announceSetupCode().catch((error) => console.error("roadbook: could not issue a setup code:", error));
    const { startProbeScheduler } = await import("./server/services/probe-scheduler");
    startProbeScheduler();
    const { startWebhookDeliveries } = await import("./server/webhooks/deliver");
    startWebhookDeliveries();
    const { startEmailDigests } = await import("./server/email/send-digests");
    startEmailDigests();
    const { startReviewReminders } = await import("./server/gates/review-reminders");
    startReviewReminders();
  }
}
