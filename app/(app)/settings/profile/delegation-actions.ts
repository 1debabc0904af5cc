"use server";
import { setMyDelegation } from "@/server/delegations/my-delegation";
import { runAction } from "@/server/http/run-action";

/** Set (or, with `{ delegateId: null }`, end) the signed-in user's out-of-office delegate. */
export async function setMyDelegationAction(input: unknown) {
  return runAction((actor) => setMyDelegation(actor, input));
}
