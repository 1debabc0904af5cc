"use server";
import { runAction } from "../http/run-action";
import { markNotificationsRead } from "../notifications/list-notifications";

export async function markNotificationsReadAction(ids?: string[]) {
  return runAction((actor) => markNotificationsRead(actor, Array.isArray(ids) ? ids.map(String) : undefined));
}
