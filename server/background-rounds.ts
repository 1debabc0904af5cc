import "server-only";

/**
 * Run `round` in the background of this server process every `everyMs` (after `firstAfterMs`
 * when given), never two at once: a tick that finds the previous round still running is
 * skipped. A failed round is logged and the next tick tries again. The timers do not keep the
 * process alive. Used by the health probes, the webhook deliveries and the email digests.
 */
export function startRounds(
  name: string,
  round: () => Promise<unknown>,
  { everyMs, firstAfterMs }: { everyMs: number; firstAfterMs?: number },
): void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await round();
    } catch (error) {
      console.error(`${name} round failed`, error);
    } finally {
      running = false;
    }
  };
  if (firstAfterMs !== undefined) setTimeout(tick, firstAfterMs).unref();
  setInterval(tick, everyMs).unref();
}
