// The world of one worker: a user, an API token and a signed-in session per role, the
// owners of "someone else's" records, and what discovery read from the code and the build;
// and the cell, one principal calling one entry point on one record.
import type { APIRequestContext } from "@playwright/test";
import { formatKey, ROLES, type Role } from "@/lib/lifecycle";
import type { PrismaClient } from "@/prisma/client";
import { makeUseCase, makeUser } from "@/prisma/seed/factories";
import { createApiToken } from "@/server/auth/api-tokens";
import { ensureTemplate } from "@/server/checklists/templates";
import type { Principal } from "@/test-support/authorization-matrix-rows";
import { test as base, postCredentials } from "../../support/fixtures";
import { type ActionRef, forbiddenMessages, readActionManifest, sessionEndedMessage } from "./discovery";

export type Account = Awaited<ReturnType<typeof makeUser>>;
export type Actor = { user: Account; token: string; session: APIRequestContext };
export type World = {
  origin: string;
  actors: Record<Role, Actor>;
  /** Owners of the records that are "someone else's". */
  others: Record<Role, Account>;
  /** No cookies, ever: anonymous calls, and Bearer calls. */
  bare: APIRequestContext;
  newContext: () => Promise<APIRequestContext>;
  actions: Map<string, ActionRef>;
  forbidden: RegExp[];
  sessionEnded: string;
  sampleKey: string;
};

export const test = base.extend<Record<never, never>, { world: World }>({
  world: [
    async ({ prisma, playwright }, use, workerInfo) => {
      const baseURL = workerInfo.project.use.baseURL ?? "http://127.0.0.1:3210";
      const newContext = () => playwright.request.newContext({ baseURL });
      const contexts: APIRequestContext[] = [];
      const actors = {} as Record<Role, Actor>;
      const others = {} as Record<Role, Account>;
      for (const role of ROLES) {
        const user = await makeUser(prisma, { role, name: `Matrix ${role} ${workerInfo.workerIndex}` });
        const token = await createApiToken(prisma, user.email, "authorization matrix");
        const session = await newContext();
        contexts.push(session);
        const signedIn = await postCredentials(session, user.email, user.password);
        if (!signedIn.ok()) throw new Error(`Sign-in of the ${role} user failed: ${signedIn.status()}`);
        actors[role] = { user, token, session };
        others[role] = await makeUser(prisma, { role, name: `Matrix other ${role} ${workerInfo.workerIndex}` });
      }
      const bare = await newContext();
      contexts.push(bare);
      await ensureTemplate(prisma, "PROTOTYPE");
      await ensureTemplate(prisma, "PACKAGING");
      const sample = await makeUseCase(prisma, { ownerId: others.DATA_SCIENTIST.id });
      await use({
        origin: new URL(baseURL).origin,
        actors,
        others,
        bare,
        newContext,
        actions: readActionManifest(),
        forbidden: forbiddenMessages(),
        sessionEnded: sessionEndedMessage(),
        sampleKey: formatKey(sample.number),
      });
      for (const context of contexts) await context.dispose();
    },
    { scope: "worker", timeout: 120_000 },
  ],
});

export type Target = "owned" | "foreign";
export type Cell = {
  prisma: PrismaClient;
  world: World;
  who: Principal;
  actor: Actor | null;
  target: Target;
  /** Unique per cell: names what the cell creates. */
  marker: string;
  /**
   * How the call authenticates: the row's own way (a Bearer token for API routes), the
   * browser's session cookie from this site, or that cookie sent from another site (a forged
   * request, which must be refused before the entry point runs).
   */
  mechanism: Mechanism;
};
export type Mechanism = "default" | "cookie" | "cross-site";
/** The Origin of a forged request. */
export const FOREIGN_ORIGIN = "https://attacker.example";
