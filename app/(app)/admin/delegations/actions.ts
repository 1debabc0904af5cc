"use server";
import { endDelegation } from "@/server/delegations/admin-delegations";
import { runAction } from "@/server/http/run-action";

/** ADMIN: end anyone's delegation now. */
export async function endDelegationAction(id: string) {
  return runAction((actor) => endDelegation(actor, String(id)));
}
