"use server";
import { endDelegation } from "../delegations/admin-delegations";
import { setMyDelegation } from "../delegations/my-delegation";
import { runAction } from "../http/run-action";

/** Set (or, with `{ delegateId: null }`, end) the signed-in user's out-of-office delegate. */
export async function setMyDelegationAction(input: unknown) {
  return runAction((actor) => setMyDelegation(actor, input));
}

/** ADMIN: end anyone's delegation now. */
export async function endDelegationAction(id: string) {
  return runAction((actor) => endDelegation(actor, String(id)));
}
