import "server-only";
import { DomainError } from "../errors";
import { currentProbePolicy } from "../services/check-service";
import { resolveTarget, systemResolver } from "../services/probe";

const refused = (message: string) =>
  new DomainError("VALIDATION", "Some fields need attention.", { errors: [{ path: "url", message }] });

/**
 * A webhook's address must pass the same address policy as the health probe (the address is
 * checked again at every delivery, on the connection itself): refused here as a VALIDATION
 * error on `url`, so an admin learns at once rather than from a failed delivery.
 */
export async function checkWebhookUrl(url: string): Promise<void> {
  const target = await resolveTarget(
    new URL(url),
    await currentProbePolicy(),
    systemResolver,
    performance.now() + 5000,
  );
  if (target.kind === "blocked")
    throw refused(
      `This address is refused by the address policy (${target.reason}). Private hosts must be allowed in Settings; cloud metadata never is.`,
    );
  if (target.kind === "unresolved")
    throw refused(
      target.timedOut ? "The host name did not resolve in time; try again." : "The host name does not resolve.",
    );
}
