import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { sameOriginPath } from "@/lib/same-origin-path";
import { EmailSchema } from "@/lib/validation/auth";
import { db } from "../db";
import { env } from "../env";
import { OIDC_PROVIDER_ID, oidcConfig, passwordLoginEnabled } from "./oidc";
import { oidcProvider } from "./oidc-provider";
import { verifyPassword } from "./password";
import { completeSsoSignIn } from "./sso-sign-in";

export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

// The session (a JWT cookie) carries only the user id and the user's session version. Role,
// active flag and version are read from the database on every request
// (server/auth/current-user.ts), so a demoted or deactivated user loses access at once, and a
// sign-out ends every session of that user. Single sign-on (server/auth/oidc.ts) ends in the same
// cookie: our user's id and session version.
export function authOptions(): NextAuthOptions {
  const sso = oidcConfig();
  return {
    secret: env().NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/login", error: "/login" },
    providers: [...(sso ? [oidcProvider(sso)] : []), ...(passwordLoginEnabled() ? [passwordProvider()] : [])],
    callbacks: {
      // An SSO sign-in finds, links or creates our user and applies the mapped role; a
      // deactivated user, or one awaiting a role, gets no session.
      async signIn({ user, account, profile }) {
        if (account?.provider !== OIDC_PROVIDER_ID || !sso) return true;
        return completeSsoSignIn(user, (profile ?? {}) as Record<string, unknown>, sso, account.access_token);
      },
      // Where next-auth sends the browser after sign-in (the SSO callback) or sign-out: only here.
      redirect({ url, baseUrl }) {
        return new URL(sameOriginPath(url, baseUrl), baseUrl).href;
      },
      jwt({ token, user }) {
        // At sign-in: the user's current session version goes into the cookie, and the time of
        // the sign-in (`at`, seconds): creating an API token needs a recent one.
        if (user) {
          token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 0;
          token.at = Math.floor(Date.now() / 1000);
        }
        return token;
      },
      session({ session, token }) {
        const authTime = typeof token.at === "number" ? token.at : undefined;
        return { ...session, user: { ...session.user, id: token.sub, sessionVersion: token.sv ?? 0, authTime } };
      },
    },
    events: {
      // Signing out ends every session of the user, not just this cookie: a copied cookie stops working too.
      async signOut({ token }) {
        if (token?.sub)
          await db.user.updateMany({ where: { id: token.sub }, data: { sessionVersion: { increment: 1 } } });
      },
    },
  };
}

function passwordProvider() {
  return CredentialsProvider({
    name: "Email and password",
    credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
    async authorize(credentials) {
      const email = EmailSchema.safeParse(credentials?.email ?? "");
      const password = credentials?.password ?? "";
      const user = email.success ? await db.user.findUnique({ where: { email: email.data } }) : null;
      const valid = await verifyPassword(user?.passwordHash, password);
      if (!user || !valid || !user.active) return null;
      return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
    },
  });
}
