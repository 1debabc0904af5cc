import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { pickLocale } from "../lib/locale";

/** The request's locale for amounts and numbers (Accept-Language), once per request. */
export const getLocale = cache(async (): Promise<string> => pickLocale((await headers()).get("accept-language")));
