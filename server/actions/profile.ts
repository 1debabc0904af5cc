"use server";
import { runAction } from "../http/run-action";
import { changePassword, signOutEverywhere, updateProfile } from "../users/profile";

export async function updateProfileAction(input: unknown) {
  return runAction((actor) => updateProfile(actor, input));
}

export async function changePasswordAction(input: unknown) {
  return runAction((actor) => changePassword(actor, input));
}

export async function signOutEverywhereAction(input: unknown) {
  return runAction((actor) => signOutEverywhere(actor, input));
}
