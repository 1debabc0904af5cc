import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { effectiveLocale } from "@/lib/locale";
import { getCurrentUser } from "./auth/current-user";

/**
 * The request's locale for dates, amounts and numbers, once per request: the language the user
 * chose in the profile, else the browser's (Accept-Language). A page that cannot read the user
 * (signed out, or the database down) follows the browser.
 */
export const getLocale = cache(async (): Promise<string> => {
  const [user, requestHeaders] = await Promise.all([getCurrentUser().catch(() => null), headers()]);
  return effectiveLocale(user?.locale, requestHeaders.get("accept-language"));
});
