// Runs the authorization matrix (e2e/authorization-matrix.ts) against the production build.
//
// 1. Completeness: the table lists exactly the route handlers (app/**/route.ts, their
//    exported HTTP methods) and the server actions ("use server" files, all in
//    server/actions/, their exported async functions) of the code. A new handler or action
//    fails here until it is listed: deny by default applies to the table too.
// 2. The matrix: for every row, every role (a fresh user per role and worker) and an
//    anonymous caller, the entry point is called over real HTTP:
//    - route handlers with the user's Bearer API token (cookie-only downloads with the
//      signed-in session); anonymous with no credentials;
//    - server actions the way the browser calls them: POST to a page that imports the action
//      (found in .next/server/server-reference-manifest.json) with `Next-Action: <id>`, the
//      session cookie, `Origin` and the arguments as a JSON array; the ActionResult is read
//      from the RSC answer (see readActionResult).
//    "allow" = not refused (a minimal input may still be invalid: 422 / ok:false with another
//    message); "deny" = 401/403 or the forbidden ActionResult, AND the record the call
//    targeted is unchanged; "own" = allowed on an owned record, denied on someone else's.
//    Every cell seeds its own records with the factories, so rows run in parallel.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { APIRequestContext, APIResponse } from "@playwright/test";
import { formatKey, ROLES, type Role } from "../lib/lifecycle";
import type { PrismaClient } from "../prisma/client";
import { makeChecklist, makeUseCase, makeUser, type UseCaseSeed } from "../prisma/seed/factories";
import { createApiToken, hashToken } from "../server/auth/api-tokens";
import { ensureTemplate } from "../server/checklists/templates";
import { ROOT, rel, routeEntries, walk } from "./app-routes";
import {
  type Access,
  type ActionRow,
  MATRIX,
  type MatrixRow,
  PRINCIPALS,
  type Principal,
  type RouteRow,
  rowId,
} from "./authorization-matrix";
import { test as base, expect, postCredentials } from "./fixtures";
import { METRICS_TOKEN } from "./server-secrets";

// ---------------------------------------------------------------------------------------
// The code's entry points, read from the source tree (e2e/app-routes.ts).

const USE_SERVER_DIRECTIVE = /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*(["'])use server\1/;

/**
 * Every exported async function of a "use server" module, every file with an inline "use
 * server", and every "use server" module outside server/actions/ (where they all live).
 */
function actionEntries(): { ids: string[]; inline: string[]; misplaced: string[] } {
  const ids: string[] = [];
  const inline: string[] = [];
  const misplaced: string[] = [];
  const files = ["app", "components", "lib", "server"].flatMap((dir) =>
    walk(path.join(ROOT, dir)).filter((f) => /\.(ts|tsx|js|jsx)$/.test(f) && !/\.test\.tsx?$/.test(f)),
  );
  for (const file of files) {
    const source = readFileSync(file, "utf8");
    if (USE_SERVER_DIRECTIVE.test(source)) {
      if (!rel(file).startsWith("server/actions/")) misplaced.push(rel(file));
      for (const m of source.matchAll(/export\s+async\s+function\s+(\w+)/g)) ids.push(`${rel(file)}#${m[1]}`);
      for (const m of source.matchAll(/export\s+const\s+(\w+)\s*=\s*async\b/g)) ids.push(`${rel(file)}#${m[1]}`);
      // A default export cannot be listed by name: list it to see it fail.
      if (/export\s+default\s+async/.test(source)) ids.push(`${rel(file)}#default`);
    } else if (/(["'])use server\1\s*;?\s*\n/.test(source) && /\{\s*(["'])use server\1/.test(source)) {
      inline.push(rel(file));
    }
  }
  return { ids, inline, misplaced };
}

base.describe("the authorization matrix", () => {
  base("lists every route handler and every server action, and nothing that no longer exists", () => {
    const listed = new Map(MATRIX.map((row) => [rowId(row), row]));
    expect(listed.size, "a row is listed twice").toBe(MATRIX.length);

    const routes = routeEntries();
    const { ids: actions, inline, misplaced } = actionEntries();
    const existing = new Set([...routes.map((r) => r.id), ...actions]);
    const unlisted = [...existing].filter((id) => !listed.has(id)).sort();
    const stale = [...listed.keys()].filter((id) => !existing.has(id)).sort();
    const wrongFile = routes
      .filter((r) => {
        const row = listed.get(r.id);
        return row?.kind === "route" && row.file !== r.file;
      })
      .map((r) => `${r.id} is in ${r.file}`);

    expect(unlisted, "entry points missing from e2e/authorization-matrix.ts (deny by default: list them)").toEqual([]);
    expect(stale, "rows of e2e/authorization-matrix.ts that no longer exist in the code").toEqual([]);
    expect(wrongFile, "rows naming the wrong route file").toEqual([]);
    expect(inline, 'inline server actions ("use server" inside a function): move them to server/actions/').toEqual([]);
    expect(misplaced, '"use server" modules outside server/actions/<domain>.ts').toEqual([]);
    expect(
      MATRIX.filter((row) => !SCENARIOS[rowId(row)]).map(rowId),
      "rows without a scenario in e2e/authorization-matrix.spec.ts",
    ).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------
// Reading server-action answers.

/**
 * The action ids of the build. .next/server/server-reference-manifest.json is
 * `{ node: { [actionId]: { workers: { "app/(app)/page": { moduleId, async, exportedName, filename } },
 * layer: {...}, exportedName, filename } }, edge: {...}, encryptionKey }`: each action with the
 * file and export it comes from, and the pages ("workers") whose bundle includes it.
 */
type ActionRef = { id: string; pages: string[] };
function readActionManifest(): Map<string, ActionRef> {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, ".next/server/server-reference-manifest.json"), "utf8")) as {
    node?: Record<string, ManifestEntry>;
    edge?: Record<string, ManifestEntry>;
  };
  type ManifestEntry = {
    workers?: Record<string, { exportedName?: string; filename?: string }>;
    exportedName?: string;
    filename?: string;
  };
  const byName = new Map<string, ActionRef>();
  for (const [id, entry] of Object.entries({ ...manifest.edge, ...manifest.node })) {
    const workers = Object.entries(entry.workers ?? {});
    const filename = entry.filename ?? workers.find(([, w]) => w.filename)?.[1].filename;
    const exportedName = entry.exportedName ?? workers.find(([, w]) => w.exportedName)?.[1].exportedName;
    if (!filename || !exportedName) continue;
    const file = (path.isAbsolute(filename) ? path.relative(ROOT, filename) : filename)
      .split(path.sep)
      .join("/")
      .replace(/^\.\//, "");
    const pages = workers.map(([worker]) => worker).filter((worker) => /\/page$/.test(worker));
    byName.set(`${file}#${exportedName}`, { id, pages });
  }
  return byName;
}

/** "app/(app)/use-cases/[key]/page" -> "/use-cases/UC-1", filling dynamic segments from `params`. */
function pageUrl(worker: string, params: Record<string, string>): string {
  const segments = worker
    .split("/")
    .slice(1, -1)
    .filter((s) => !/^\(.*\)$/.test(s) && !s.startsWith("@"))
    .map((s) => {
      const dynamic = /^\[+(?:\.\.\.)?(\w+)\]+$/.exec(s);
      return dynamic?.[1] ? encodeURIComponent(params[dynamic[1]] ?? "x") : s;
    });
  return `/${segments.join("/")}`;
}

/** The page to POST an action to: one that includes it, preferring the fewest dynamic segments. */
function actionPage(ref: ActionRef, params: Record<string, string>): string {
  const worker = [...ref.pages].sort(
    (a, b) => (a.match(/\[/g)?.length ?? 0) - (b.match(/\[/g)?.length ?? 0) || a.length - b.length,
  )[0];
  return worker ? pageUrl(worker, params) : "/";
}

/**
 * The ActionResult in a server action's RSC answer (content-type text/x-component). The
 * answer is React Flight rows: `<hex id>:<payload>\n`, where a payload is JSON, or a tag
 * letter and its data (`I[...]` module, `HL[...]` hint, `E{...}` error, ...), or
 * `T<hex byte length>,<text>` (a long string, not newline-terminated). Row 0 is the action's
 * envelope, `{"a": <result>, "f": <flight data>, "b": <build id>, ...}`; when the result is not
 * inlined, `a` is a reference: "$@<hex id>" (a promise) or "$<hex id>" naming another row. In
 * strings, "$$" escapes a leading "$". Only what an ActionResult contains is decoded: plain
 * JSON, references, "$undefined" and "$D<date>".
 */
function readActionResult(body: Buffer): unknown {
  const rows = new Map<string, string>();
  let at = 0;
  while (at < body.length) {
    const colon = body.indexOf(0x3a, at);
    if (colon < 0) break;
    const id = body.subarray(at, colon).toString("latin1");
    if (!/^[0-9a-f]+$/.test(id)) throw new Error(`Not an RSC row at byte ${at}: ${body.subarray(at, at + 40)}`);
    if (body[colon + 1] === 0x54 /* T */) {
      const comma = body.indexOf(0x2c, colon);
      const length = Number.parseInt(body.subarray(colon + 2, comma).toString("latin1"), 16);
      rows.set(id, JSON.stringify(body.subarray(comma + 1, comma + 1 + length).toString("utf8")));
      at = comma + 1 + length;
      continue;
    }
    const end = body.indexOf(0x0a, colon);
    rows.set(id, body.subarray(colon + 1, end < 0 ? body.length : end).toString("utf8"));
    at = end < 0 ? body.length : end + 1;
  }
  const row = (id: string): unknown => {
    const text = rows.get(id);
    if (text === undefined) throw new Error(`RSC row ${id} is missing`);
    // The action threw (not a returned ActionResult): `E{"digest": ...}`.
    if (text.startsWith("E")) throw new Error(`the action failed on the server: ${text.slice(1, 200)}`);
    return JSON.parse(text);
  };
  const decode = (value: unknown, depth = 0): unknown => {
    if (depth > 50) throw new Error("RSC references nest too deep");
    if (typeof value === "string" && value.startsWith("$")) {
      if (value.startsWith("$$")) return value.slice(1);
      if (value === "$undefined") return undefined;
      if (value.startsWith("$D")) return value.slice(2);
      const ref = /^\$@?([0-9a-f]+)$/.exec(value);
      if (ref?.[1]) return decode(row(ref[1]), depth + 1);
      return value;
    }
    if (Array.isArray(value)) return value.map((v) => decode(v, depth + 1));
    if (value && typeof value === "object")
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, decode(v, depth + 1)]));
    return value;
  };
  const envelope = row("0") as { a?: unknown } | null;
  if (!envelope || typeof envelope !== "object" || !("a" in envelope))
    throw new Error(`RSC row 0 is not an action envelope: ${rows.get("0")?.slice(0, 200)}`);
  return decode(envelope.a);
}

/** Every message a FORBIDDEN DomainError can carry: read from the forbidden(...) calls of the code. */
function forbiddenMessages(): RegExp[] {
  const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const toPattern = (literal: string, quote: string) =>
    new RegExp(
      `^${
        quote === "`"
          ? literal
              .split(/\$\{[^}]*\}/)
              .map(escapeRegExp)
              .join(".+")
          : escapeRegExp(literal)
      }$`,
    );
  const patterns: RegExp[] = [];
  const files = ["app", "server"].flatMap((dir) =>
    walk(path.join(ROOT, dir)).filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f)),
  );
  for (const file of files) {
    const source = readFileSync(file, "utf8");
    for (const m of source.matchAll(/forbidden\(\s*(["'`])((?:\\.|(?!\1)[^\\])*)\1\s*\)/g))
      patterns.push(toPattern(m[2] ?? "", m[1] ?? '"'));
    for (const m of source.matchAll(/DomainError\(\s*"FORBIDDEN",\s*(["'`])((?:\\.|(?!\1)[^\\])*)\1/g))
      patterns.push(toPattern(m[2] ?? "", m[1] ?? '"'));
    // requirePermission(actor, permission, [record,] "message"): every string literal of the call
    // (the permission's name among them, which no refusal reads as).
    for (const call of source.matchAll(/requirePermission\(([^;]*?)\);/gs))
      for (const m of (call[1] ?? "").matchAll(/(["'`])((?:\\.|(?!\1)[^\\])*)\1/g))
        patterns.push(toPattern(m[2] ?? "", m[1] ?? '"'));
  }
  const errors = readFileSync(path.join(ROOT, "server/errors.ts"), "utf8");
  const fallback = /forbidden = \(message = "([^"]+)"\)/.exec(errors)?.[1];
  if (!fallback) throw new Error("server/errors.ts: the default forbidden() message was not found");
  patterns.push(toPattern(fallback, '"'));
  return patterns;
}

/** The message runAction answers when there is no session (server/http/run-action.ts). */
function sessionEndedMessage(): string {
  const source = readFileSync(path.join(ROOT, "server/http/run-action.ts"), "utf8");
  const message = /if \(!actor\) return \{ ok: false, message: "([^"]+)" \}/.exec(source)?.[1];
  if (!message) throw new Error("server/http/run-action.ts: the session-ended message was not found");
  return message;
}

// ---------------------------------------------------------------------------------------
// The world of one worker: a user, an API token and a signed-in session per role.

type Account = Awaited<ReturnType<typeof makeUser>>;
type Actor = { user: Account; token: string; session: APIRequestContext };
type World = {
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

const test = base.extend<Record<never, never>, { world: World }>({
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

// ---------------------------------------------------------------------------------------
// Scenarios: what each row needs seeded, what to send, and what a refusal must leave as is.

type Target = "owned" | "foreign";
type Cell = {
  prisma: PrismaClient;
  world: World;
  who: Principal;
  actor: Actor | null;
  target: Target;
  /** Unique per cell: names what the cell creates. */
  marker: string;
};
type Prepared = {
  /** Route: the values of the path's dynamic segments; action: also fills the page's. */
  params?: Record<string, string>;
  query?: string;
  /** Route: a JSON value, or a raw string with `contentType`. */
  body?: unknown;
  contentType?: string;
  /** Action: the arguments. */
  args?: unknown[];
  /** The state of what the call targets: a refused call must leave it equal. */
  snapshot?: () => Promise<unknown>;
  /** For entry points that refuse silently (ignore others' records): did the call take effect? */
  effect?: () => Promise<boolean>;
  /** Someone else's record answers 404 / "not found" rather than 403: that is the refusal. */
  notFoundRefuses?: boolean;
  /** The path exists for nobody (the unknown-API-path catch-all): its 404 is the refusal, for every cell. */
  unknownPath?: boolean;
  /** A request of its own (next-auth): its status and body. */
  send?: () => Promise<{ status: number; text: string }>;
};
type Scenario = (cell: Cell) => Promise<Prepared>;
type Extra = { label: string; who: Role; expected: "allow" | "deny"; prepare: Scenario; target?: Target };

/** Who owns the cell's record: the actor (a business user as sponsor), or other users. */
function owners(cell: Cell): Pick<UseCaseSeed, "ownerId" | "sponsorId"> {
  const { others } = cell.world;
  if (cell.target === "foreign" || !cell.actor)
    return { ownerId: others.DATA_SCIENTIST.id, sponsorId: others.BUSINESS.id };
  const me = cell.actor.user;
  return me.role === "BUSINESS"
    ? { ownerId: others.DATA_SCIENTIST.id, sponsorId: me.id }
    : { ownerId: me.id, sponsorId: others.BUSINESS.id };
}

async function seedUseCase(cell: Cell, seed: Partial<UseCaseSeed> = {}) {
  const useCase = await makeUseCase(cell.prisma, { title: `Matrix ${cell.marker}`, ...owners(cell), ...seed });
  return { useCase, key: formatKey(useCase.number) };
}

const useCaseState = (cell: Cell, id: string) => () =>
  cell.prisma.useCase.findUnique({ where: { id }, select: { version: true, status: true, stage: true, title: true } });

/** A read of a use case's sub-resource: no state to guard. */
const readUseCase: Scenario = async (cell) => ({ params: { key: (await seedUseCase(cell)).key } });
const plainRead: Scenario = async () => ({});

/** A write creating children of a use case: a refusal leaves their count as it was. */
function childWrite(
  count: (prisma: PrismaClient, useCaseId: string) => Promise<number>,
  input: (cell: Cell, key: string) => { body?: unknown; args?: unknown[]; query?: string; contentType?: string },
  seed: Partial<UseCaseSeed> = {},
): Scenario {
  return async (cell) => {
    const { useCase, key } = await seedUseCase(cell, seed);
    return { params: { key }, ...input(cell, key), snapshot: () => count(cell.prisma, useCase.id) };
  };
}

async function seedService(cell: Cell) {
  const { useCase, key } = await seedUseCase(cell);
  // A private address outside the probe allowlist: a check records BLOCKED without any fetch.
  const service = await cell.prisma.service.create({
    data: {
      useCaseId: useCase.id,
      name: `svc ${cell.marker}`,
      kind: "OTHER",
      environment: "DEV",
      url: "http://10.0.0.1:9/",
    },
  });
  const snapshot = async () => cell.prisma.service.findUnique({ where: { id: service.id } });
  return { service, key, snapshot };
}

async function seedChecklistItem(cell: Cell) {
  const { useCase, key } = await seedUseCase(cell, { stage: "PROTOTYPE" });
  await makeChecklist(cell.prisma, { useCaseId: useCase.id, stage: "PROTOTYPE" });
  const item = await cell.prisma.checklistItem.findFirstOrThrow({ where: { useCaseId: useCase.id } });
  const snapshot = () =>
    cell.prisma.checklistItem.findUnique({ where: { id: item.id }, select: { version: true, status: true } });
  return { key, item, snapshot };
}

async function seedSignOff(cell: Cell) {
  const { useCase, key } = await seedUseCase(cell, { stage: "PROTOTYPE" });
  await makeChecklist(cell.prisma, { useCaseId: useCase.id, stage: "PROTOTYPE", status: "DONE" });
  return { key, snapshot: () => cell.prisma.checklistSignOff.count({ where: { useCaseId: useCase.id } }) };
}

/** An open gate review out of `stage` (G2 by default), requested by the use case's owner or `requestedById`. */
async function seedReview(cell: Cell, options: { stage?: "POC" | "PROTOTYPE"; requestedById?: string } = {}) {
  const stage = options.stage ?? "PROTOTYPE";
  const { useCase } = await seedUseCase(cell, { stage });
  const review = await cell.prisma.gateReview.create({
    data: {
      useCaseId: useCase.id,
      fromStage: stage,
      toStage: stage === "POC" ? "PROTOTYPE" : "PACKAGING",
      requestedById: options.requestedById ?? useCase.ownerId,
    },
  });
  const snapshot = async () => ({
    review: await cell.prisma.gateReview.findUnique({ where: { id: review.id }, select: { status: true } }),
    votes: await cell.prisma.gateVote.count({ where: { reviewId: review.id } }),
    useCase: await cell.prisma.useCase.findUnique({ where: { id: useCase.id }, select: { stage: true, status: true } }),
  });
  return { review, snapshot };
}

/** A condition of a decided go-with-conditions; owned: the actor is the condition's owner. */
async function seedCondition(cell: Cell) {
  const { useCase } = await seedUseCase(
    { ...cell, target: "foreign" }, // the use case is someone else's: only the condition's owner counts
    { stage: "PROTOTYPE" },
  );
  const review = await cell.prisma.gateReview.create({
    data: {
      useCaseId: useCase.id,
      fromStage: "POC",
      toStage: "PROTOTYPE",
      requestedById: useCase.ownerId,
      status: "DECIDED",
      decision: "CONDITIONAL_GO",
      decidedById: cell.world.others.BUSINESS.id,
      decidedAt: new Date(),
      rationale: "Go, with a condition.",
    },
  });
  const ownerId = cell.target === "owned" && cell.actor ? cell.actor.user.id : cell.world.others.IT.id;
  const condition = await cell.prisma.gateCondition.create({
    data: { reviewId: review.id, text: `Condition ${cell.marker}`, ownerId, dueOn: new Date("2099-01-01") },
  });
  return {
    condition,
    snapshot: () => cell.prisma.gateCondition.findUnique({ where: { id: condition.id }, select: { closedAt: true } }),
  };
}

/** A token of the actor (owned) or of another user (foreign), never the one the actor calls with. */
async function seedToken(cell: Cell) {
  const user = cell.target === "owned" && cell.actor ? cell.actor.user : cell.world.others.DATA_SCIENTIST;
  const secret = await createApiToken(cell.prisma, user.email, `Matrix ${cell.marker}`);
  const token = await cell.prisma.apiToken.findUniqueOrThrow({ where: { tokenHash: hashToken(secret) } });
  return {
    token,
    snapshot: () => cell.prisma.apiToken.findUnique({ where: { id: token.id }, select: { revokedAt: true } }),
  };
}

/** A webhook, registered the way an admin does (the API), inactive; with a failed delivery. */
async function seedWebhook(cell: Cell) {
  const { world } = cell;
  const response = await world.bare.post("/api/v1/webhooks", {
    headers: { authorization: `Bearer ${world.actors.ADMIN.token}` },
    data: { url: "http://127.0.0.1:9/matrix", events: ["gate.decided"], active: false, description: cell.marker },
  });
  if (response.status() !== 201)
    throw new Error(`Seeding a webhook failed: ${response.status()} ${await response.text()}`);
  const { id } = (await response.json()) as { id: string };
  const delivery = await cell.prisma.webhookDelivery.create({
    data: { webhookId: id, event: "gate.decided", payload: { matrix: cell.marker }, status: "FAILED", attempts: 1 },
  });
  const snapshot = async () => ({
    webhook: await cell.prisma.webhook.findUnique({
      where: { id },
      select: { version: true, secret: true, url: true, active: true },
    }),
    deliveries: await cell.prisma.webhookDelivery.count({ where: { webhookId: id } }),
    delivery: await cell.prisma.webhookDelivery.findUnique({
      where: { id: delivery.id },
      select: { status: true, nextAttemptAt: true },
    }),
  });
  return { id, deliveryId: delivery.id, snapshot };
}

const COMPOSE = "services:\n  jenkins:\n    image: jenkins/jenkins:lts\n    ports: ['8090:8080']\n";
const settingsState = (cell: Cell) => () => cell.prisma.orgSettings.findUnique({ where: { id: 1 } });
const templateCount = (cell: Cell) => () => cell.prisma.checklistTemplate.count({ where: { stage: "PACKAGING" } });
const webhookInput = (cell: Cell) => ({
  url: "http://127.0.0.1:9/matrix",
  events: ["gate.decided"],
  active: false,
  description: cell.marker,
});

const countServices = (prisma: PrismaClient, useCaseId: string) => prisma.service.count({ where: { useCaseId } });
const countModelLinks = (prisma: PrismaClient, useCaseId: string) => prisma.modelLink.count({ where: { useCaseId } });

/** A registry connection to a closed port of this machine (a sync fails at once), seeded directly. */
async function seedRegistry(cell: Cell) {
  const registry = await cell.prisma.registryConnection.create({
    data: { name: `Matrix ${cell.marker}`, baseUrl: "http://127.0.0.1:9" },
  });
  return { registry, snapshot: () => cell.prisma.registryConnection.findUnique({ where: { id: registry.id } }) };
}

async function seedModelLink(cell: Cell) {
  const { useCase, key } = await seedUseCase(cell);
  const { registry } = await seedRegistry(cell);
  const link = await cell.prisma.modelLink.create({
    data: { useCaseId: useCase.id, registryId: registry.id, modelName: "churn-model" },
  });
  return { key, link, snapshot: () => cell.prisma.modelLink.findUnique({ where: { id: link.id } }) };
}

const linkModelInput = async (cell: Cell) => ({
  registryId: (await seedRegistry(cell)).registry.id,
  modelName: `model-${cell.marker}`,
});

async function seedRepositoryCase(cell: Cell) {
  const { useCase, key } = await seedUseCase(cell);
  return { key, snapshot: () => cell.prisma.codeRepository.findUnique({ where: { useCaseId: useCase.id } }) };
}

const SCENARIOS: Record<string, Scenario> = {
  // Public and infrastructure
  "GET /api/health": plainRead,
  "GET /api/v1/openapi.json": plainRead,
  "GET /api/auth/[...nextauth]": async () => ({ params: { nextauth: "csrf" } }),
  "POST /api/auth/[...nextauth]": async (cell) => ({
    // A sign-in, in a context of its own (it sets a session cookie).
    send: async () => {
      const context = await cell.world.newContext();
      try {
        const user = cell.world.others.IT;
        const response = await postCredentials(context, user.email, user.password);
        return { status: response.status(), text: await response.text() };
      } finally {
        await context.dispose();
      }
    },
  }),
  "GET /api/metrics": plainRead,
  ...Object.fromEntries(
    ["GET", "POST", "PUT", "PATCH", "DELETE"].map((method) => [
      `${method} /api/[...path]`,
      (async () => ({ params: { path: "no-such-endpoint" }, unknownPath: true })) as Scenario,
    ]),
  ),
  "GET /use-cases/export.csv": plainRead,
  "GET /admin/audit/export.csv": plainRead,

  // API v1
  "GET /api/v1/audit": plainRead,
  "GET /api/v1/checklist-templates": plainRead,
  "PUT /api/v1/checklist-templates/[stage]": async (cell) => ({
    params: { stage: "PACKAGING" },
    body: { items: "not a list" },
    snapshot: templateCount(cell),
  }),
  "POST /api/v1/conditions/[id]/close": async (cell) => {
    const { condition, snapshot } = await seedCondition(cell);
    return { params: { id: condition.id }, snapshot };
  },
  "POST /api/v1/gates/[id]/decisions": async (cell) => {
    const { review, snapshot } = await seedReview(cell);
    return { params: { id: review.id }, body: {}, snapshot };
  },
  "GET /api/v1/portfolio/summary": plainRead,
  "POST /api/v1/services/[id]/check": async (cell) => {
    const { service, snapshot } = await seedService(cell);
    return { params: { id: service.id }, snapshot };
  },
  "PATCH /api/v1/services/[id]": async (cell) => {
    const { service, snapshot } = await seedService(cell);
    return { params: { id: service.id }, body: {}, snapshot };
  },
  "DELETE /api/v1/services/[id]": async (cell) => {
    const { service, snapshot } = await seedService(cell);
    return { params: { id: service.id }, snapshot };
  },
  "GET /api/v1/settings": plainRead,
  "PATCH /api/v1/settings": async (cell) => ({ body: { currency: 12 }, snapshot: settingsState(cell) }),
  "GET /api/v1/users": plainRead,
  "POST /api/v1/users": async (cell) => {
    const email = `${cell.marker}@matrix.test`;
    return { body: { email, name: 12 }, snapshot: () => cell.prisma.user.count({ where: { email } }) };
  },
  "PATCH /api/v1/users/[id]": async (cell) => {
    const user = await makeUser(cell.prisma, { role: "BUSINESS", name: `Matrix ${cell.marker}` });
    return {
      params: { id: user.id },
      body: { role: "NOT_A_ROLE" },
      snapshot: () =>
        cell.prisma.user.findUnique({ where: { id: user.id }, select: { role: true, active: true, team: true } }),
    };
  },
  "GET /api/v1/tokens": plainRead,
  "POST /api/v1/tokens": async (cell) => ({
    body: { name: cell.marker },
    snapshot: () => cell.prisma.apiToken.count({ where: { name: cell.marker } }),
    // It needs a sign-in within 15 minutes: a session of its own, not the worker's (older) one.
    ...(cell.actor && {
      send: async () => {
        const actor = cell.actor;
        if (!actor) throw new Error("no actor");
        const context = await cell.world.newContext();
        try {
          const signedIn = await postCredentials(context, actor.user.email, actor.user.password);
          if (!signedIn.ok()) throw new Error(`Sign-in failed: ${signedIn.status()}`);
          const response = await context.post("/api/v1/tokens", {
            headers: { origin: cell.world.origin },
            data: { name: cell.marker },
          });
          return { status: response.status(), text: await response.text() };
        } finally {
          await context.dispose();
        }
      },
    }),
  }),
  "DELETE /api/v1/tokens/[id]": async (cell) => {
    const { token, snapshot } = await seedToken(cell);
    return { params: { id: token.id }, snapshot, notFoundRefuses: true };
  },
  "GET /api/v1/users/[id]/tokens": async (cell) => ({ params: { id: cell.world.others.DATA_SCIENTIST.id } }),
  "DELETE /api/v1/users/[id]/tokens/[tokenId]": async (cell) => {
    const { token, snapshot } = await seedToken(cell);
    return { params: { id: token.userId, tokenId: token.id }, snapshot };
  },
  "GET /api/v1/use-cases": plainRead,
  "POST /api/v1/use-cases": async (cell) => ({
    body: { title: cell.marker },
    snapshot: () => cell.prisma.useCase.count({ where: { title: cell.marker } }),
  }),
  "GET /api/v1/use-cases/[key]": readUseCase,
  "PATCH /api/v1/use-cases/[key]": async (cell) => {
    const { useCase, key } = await seedUseCase(cell);
    return { params: { key }, body: {}, snapshot: useCaseState(cell, useCase.id) };
  },
  "GET /api/v1/use-cases/[key]/actuals": readUseCase,
  "POST /api/v1/use-cases/[key]/actuals": childWrite(
    (prisma, useCaseId) => prisma.actual.count({ where: { useCaseId } }),
    () => ({ body: {} }),
    { stage: "PRODUCTION" },
  ),
  "GET /api/v1/use-cases/[key]/checklist": readUseCase,
  "PATCH /api/v1/use-cases/[key]/checklist/[itemId]": async (cell) => {
    const { key, item, snapshot } = await seedChecklistItem(cell);
    return { params: { key, itemId: item.id }, body: {}, snapshot };
  },
  "POST /api/v1/use-cases/[key]/checklist/sign-off": async (cell) => {
    const { key, snapshot } = await seedSignOff(cell);
    return { params: { key }, snapshot };
  },
  "GET /api/v1/use-cases/[key]/changes": readUseCase,
  "GET /api/v1/use-cases/[key]/comments": readUseCase,
  "POST /api/v1/use-cases/[key]/comments": childWrite(
    (prisma, useCaseId) => prisma.comment.count({ where: { useCaseId } }),
    () => ({ body: { body: "Matrix comment" } }),
  ),
  "GET /api/v1/use-cases/[key]/estimates": readUseCase,
  "POST /api/v1/use-cases/[key]/estimates": childWrite(
    (prisma, useCaseId) => prisma.estimateRevision.count({ where: { useCaseId } }),
    () => ({ body: {} }),
  ),
  "GET /api/v1/use-cases/[key]/feedback": readUseCase,
  "POST /api/v1/use-cases/[key]/feedback": childWrite(
    (prisma, useCaseId) => prisma.feedback.count({ where: { useCaseId } }),
    () => ({ body: { text: "Matrix feedback" } }),
  ),
  "GET /api/v1/use-cases/[key]/gates": readUseCase,
  "POST /api/v1/use-cases/[key]/gates": childWrite(
    (prisma, useCaseId) => prisma.gateReview.count({ where: { useCaseId } }),
    () => ({ body: {} }),
  ),
  "POST /api/v1/use-cases/[key]/reopen": async (cell) => {
    const { useCase, key } = await seedUseCase(cell, { status: "STOPPED" });
    return { params: { key }, body: { reason: "Matrix reopen" }, snapshot: useCaseState(cell, useCase.id) };
  },
  "GET /api/v1/use-cases/[key]/services": readUseCase,
  "POST /api/v1/use-cases/[key]/services": childWrite(countServices, () => ({ body: {} })),
  "POST /api/v1/use-cases/[key]/services/import": childWrite(countServices, () => ({
    query: "save=true&environment=DEV&baseUrl=http://stack.example.com",
    body: COMPOSE,
    contentType: "application/yaml",
  })),
  "POST /api/v1/webhook-deliveries/[id]/retry": async (cell) => {
    const { deliveryId, snapshot } = await seedWebhook(cell);
    return { params: { id: deliveryId }, snapshot };
  },
  "GET /api/v1/webhooks": plainRead,
  "POST /api/v1/webhooks": async (cell) => ({
    body: webhookInput(cell),
    snapshot: () => cell.prisma.webhook.count({ where: { description: cell.marker } }),
  }),
  "GET /api/v1/webhooks/[id]": async (cell) => ({ params: { id: (await seedWebhook(cell)).id } }),
  "PATCH /api/v1/webhooks/[id]": async (cell) => {
    const { id, snapshot } = await seedWebhook(cell);
    return { params: { id }, body: {}, snapshot };
  },
  "DELETE /api/v1/webhooks/[id]": async (cell) => {
    const { id, snapshot } = await seedWebhook(cell);
    return { params: { id }, snapshot };
  },
  "GET /api/v1/webhooks/[id]/deliveries": async (cell) => ({ params: { id: (await seedWebhook(cell)).id } }),
  "POST /api/v1/webhooks/[id]/rotate-secret": async (cell) => {
    const { id, snapshot } = await seedWebhook(cell);
    return { params: { id }, snapshot };
  },
  "POST /api/v1/webhooks/[id]/test": async (cell) => {
    const { id, snapshot } = await seedWebhook(cell);
    return { params: { id }, snapshot };
  },

  // Server actions
  "server/actions/webhooks.ts#createWebhookAction": async (cell) => ({
    args: [webhookInput(cell)],
    snapshot: () => cell.prisma.webhook.count({ where: { description: cell.marker } }),
  }),
  "server/actions/webhooks.ts#updateWebhookAction": async (cell) => {
    const { id, snapshot } = await seedWebhook(cell);
    return { args: [id, {}], snapshot };
  },
  "server/actions/webhooks.ts#deleteWebhookAction": async (cell) => {
    const { id, snapshot } = await seedWebhook(cell);
    return { args: [id], snapshot };
  },
  "server/actions/webhooks.ts#rotateWebhookSecretAction": async (cell) => {
    const { id, snapshot } = await seedWebhook(cell);
    return { args: [id], snapshot };
  },
  "server/actions/webhooks.ts#sendTestWebhookAction": async (cell) => {
    const { id, snapshot } = await seedWebhook(cell);
    return { args: [id], snapshot };
  },
  "server/actions/webhooks.ts#retryDeliveryAction": async (cell) => {
    const { deliveryId, snapshot } = await seedWebhook(cell);
    return { args: [deliveryId], snapshot };
  },
  "server/actions/checklists.ts#updateChecklistItemAction": async (cell) => {
    const { key, item, snapshot } = await seedChecklistItem(cell);
    return { params: { key }, args: [key, item.id, {}], snapshot };
  },
  "server/actions/checklists.ts#signOffChecklistAction": async (cell) => {
    const { key, snapshot } = await seedSignOff(cell);
    return { params: { key }, args: [key], snapshot };
  },
  "server/actions/checklists.ts#updateTemplateAction": async (cell) => ({
    args: ["PACKAGING", { items: "not a list" }],
    snapshot: templateCount(cell),
  }),
  "server/actions/gates.ts#requestGateAction": childWrite(
    (prisma, useCaseId) => prisma.gateReview.count({ where: { useCaseId } }),
    (_cell, key) => ({ args: [key, {}] }),
  ),
  "server/actions/gates.ts#decideGateAction": async (cell) => {
    const { review, snapshot } = await seedReview(cell);
    return { args: [review.id, {}], snapshot };
  },
  "server/actions/gates.ts#closeConditionAction": async (cell) => {
    const { condition, snapshot } = await seedCondition(cell);
    return { args: [condition.id], snapshot };
  },
  "server/actions/gates.ts#reopenUseCaseAction": async (cell) => {
    const { useCase, key } = await seedUseCase(cell, { status: "STOPPED" });
    return { params: { key }, args: [key, { reason: "Matrix reopen" }], snapshot: useCaseState(cell, useCase.id) };
  },
  "server/actions/feedback.ts#createFeedbackAction": childWrite(
    (prisma, useCaseId) => prisma.feedback.count({ where: { useCaseId } }),
    (_cell, key) => ({ args: [key, { text: "Matrix feedback" }] }),
  ),
  "server/actions/notifications.ts#markNotificationsReadAction": async (cell) => {
    const userId = cell.target === "owned" && cell.actor ? cell.actor.user.id : cell.world.others.IT.id;
    const notification = await cell.prisma.notification.create({
      data: { userId, kind: "MATRIX", title: `Matrix ${cell.marker}`, href: "/" },
    });
    const readAt = () =>
      cell.prisma.notification.findUnique({ where: { id: notification.id }, select: { readAt: true } });
    return {
      args: [[notification.id]],
      snapshot: readAt,
      effect: async () => (await readAt())?.readAt != null,
    };
  },
  "server/actions/services.ts#createServiceAction": childWrite(countServices, (_cell, key) => ({
    args: [key, {}],
  })),
  "server/actions/services.ts#updateServiceAction": async (cell) => {
    const { service, key, snapshot } = await seedService(cell);
    return { params: { key }, args: [service.id, {}], snapshot };
  },
  "server/actions/services.ts#deleteServiceAction": async (cell) => {
    const { service, key, snapshot } = await seedService(cell);
    return { params: { key }, args: [service.id], snapshot };
  },
  "server/actions/services.ts#checkServiceAction": async (cell) => {
    const { service, key, snapshot } = await seedService(cell);
    return { params: { key }, args: [service.id], snapshot };
  },
  "server/actions/services.ts#previewComposeAction": childWrite(countServices, (_cell, key) => ({
    args: [key, COMPOSE, "http://stack.example.com"],
  })),
  "server/actions/services.ts#saveServicesAction": childWrite(countServices, (_cell, key) => ({
    args: [
      key,
      { services: [{ name: "jenkins", kind: "JENKINS", environment: "DEV", url: "http://stack.example.com:8090/" }] },
    ],
  })),
  "server/actions/api-tokens.ts#createApiTokenAction": async (cell) => ({
    args: [{ name: cell.marker }],
    snapshot: () => cell.prisma.apiToken.count({ where: { name: cell.marker } }),
  }),
  "server/actions/api-tokens.ts#revokeUserApiTokenAction": async (cell) => {
    const { token, snapshot } = await seedToken(cell);
    return { args: [token.userId, token.id], snapshot };
  },
  "server/actions/api-tokens.ts#revokeApiTokenAction": async (cell) => {
    const { token, snapshot } = await seedToken(cell);
    return { args: [token.id], snapshot, notFoundRefuses: true };
  },
  "server/actions/comments.ts#createCommentAction": childWrite(
    (prisma, useCaseId) => prisma.comment.count({ where: { useCaseId } }),
    (_cell, key) => ({ args: [key, { body: "Matrix comment" }] }),
  ),
  "server/actions/comments.ts#mentionCandidatesAction": async () => ({ args: ["matrix"] }),
  "server/actions/use-cases.ts#createUseCaseAction": async (cell) => ({
    args: [{ title: cell.marker }],
    snapshot: () => cell.prisma.useCase.count({ where: { title: cell.marker } }),
  }),
  "server/actions/use-cases.ts#updateUseCaseAction": async (cell) => {
    const { useCase, key } = await seedUseCase(cell);
    return { params: { key }, args: [key, {}], snapshot: useCaseState(cell, useCase.id) };
  },
  "server/actions/value.ts#createEstimateAction": childWrite(
    (prisma, useCaseId) => prisma.estimateRevision.count({ where: { useCaseId } }),
    (_cell, key) => ({ args: [key, {}] }),
  ),
  "server/actions/value.ts#createActualAction": childWrite(
    (prisma, useCaseId) => prisma.actual.count({ where: { useCaseId } }),
    (_cell, key) => ({ args: [key, {}] }),
    { stage: "PRODUCTION" },
  ),
  "server/actions/settings.ts#updateOrgSettingsAction": async (cell) => ({
    args: [{ currency: 12 }],
    snapshot: settingsState(cell),
  }),
  "server/actions/admin-users.ts#createUserAction": async (cell) => {
    const email = `${cell.marker}@matrix.test`;
    return { args: [{ email, name: 12 }], snapshot: () => cell.prisma.user.count({ where: { email } }) };
  },
  "server/actions/admin-users.ts#updateUserAction": async (cell) => {
    const user = await makeUser(cell.prisma, { role: "BUSINESS", name: `Matrix ${cell.marker}` });
    return {
      args: [user.id, { role: "NOT_A_ROLE" }],
      snapshot: () =>
        cell.prisma.user.findUnique({ where: { id: user.id }, select: { role: true, active: true, team: true } }),
    };
  },
  // Own profile: an invalid input, so the allowed cells show no refusal and change nothing.
  "server/actions/profile.ts#updateProfileAction": async () => ({ args: [{ name: 12 }] }),
  "server/actions/profile.ts#changePasswordAction": async () => ({ args: [{ currentPassword: 1 }] }),
  // Invalid on purpose: a valid call would end the matrix's own session of that role.
  "server/actions/profile.ts#signOutEverywhereAction": async () => ({ args: [{ revokeTokens: "yes" }] }),
  "POST /api/v1/imports/use-cases": async (cell) => {
    const owner = cell.target === "owned" && cell.actor ? cell.actor.user : cell.world.others.DATA_SCIENTIST;
    return {
      query: "dryRun=false",
      body: `Title,Owner email\r\nMatrix ${cell.marker},${owner.email}\r\n`,
      contentType: "text/csv",
      snapshot: () => cell.prisma.useCase.count({ where: { title: `Matrix ${cell.marker}` } }),
    };
  },
  "server/actions/setup.ts#setupAction": async (cell) => {
    const email = `${cell.marker}@matrix.test`;
    return {
      args: [{ email, name: "Matrix setup", password: "matrix-setup-password-1", setupCode: "AAAA-BBBB-CCCC-DDDD" }],
      snapshot: () => cell.prisma.user.count({ where: { email } }),
    };
  },
  // Cost and net value
  "GET /api/v1/use-cases/[key]/costs": readUseCase,
  "POST /api/v1/use-cases/[key]/costs": childWrite(
    (prisma, useCaseId) => prisma.cost.count({ where: { useCaseId } }),
    () => ({ body: {} }),
  ),
  "server/actions/value.ts#createCostAction": childWrite(
    (prisma, useCaseId) => prisma.cost.count({ where: { useCaseId } }),
    (_cell, key) => ({ args: [key, {}] }),
  ),
  // Risk screening: a draft to answer or submit, a submitted one to review (all with an empty input).
  "GET /api/v1/use-cases/[key]/assessment": readUseCase,
  "PATCH /api/v1/use-cases/[key]/assessment": async (cell) => {
    const { key, snapshot } = await seedAssessment(cell, "DRAFT");
    return { params: { key }, body: {}, snapshot };
  },
  "POST /api/v1/use-cases/[key]/assessment/submit": async (cell) => {
    const { key, snapshot } = await seedAssessment(cell, "DRAFT");
    return { params: { key }, body: { version: 0 }, snapshot };
  },
  "POST /api/v1/use-cases/[key]/assessment/review": async (cell) => {
    const { key, snapshot } = await seedAssessment(cell, "SUBMITTED");
    return { params: { key }, body: {}, snapshot };
  },
  "server/actions/risk.ts#saveAssessmentAction": async (cell) => {
    const { key, snapshot } = await seedAssessment(cell, "DRAFT");
    return { params: { key }, args: [key, {}], snapshot };
  },
  "server/actions/risk.ts#submitAssessmentAction": async (cell) => {
    const { key, snapshot } = await seedAssessment(cell, "DRAFT");
    return { params: { key }, args: [key, { version: 0 }], snapshot };
  },
  "server/actions/risk.ts#reviewAssessmentAction": async (cell) => {
    const { key, snapshot } = await seedAssessment(cell, "SUBMITTED");
    return { params: { key }, args: [key, {}], snapshot };
  },

  // The ML toolchain
  "GET /api/v1/registries": plainRead,
  "POST /api/v1/registries": async (cell) => ({
    body: { name: `Matrix ${cell.marker}`, baseUrl: "http://127.0.0.1:9" },
    snapshot: () => cell.prisma.registryConnection.count({ where: { name: `Matrix ${cell.marker}` } }),
  }),
  "DELETE /api/v1/registries/[id]": async (cell) => {
    const { registry, snapshot } = await seedRegistry(cell);
    return { params: { id: registry.id }, snapshot };
  },
  "GET /api/v1/use-cases/[key]/models": readUseCase,
  "POST /api/v1/use-cases/[key]/models": async (cell) => {
    const { useCase, key } = await seedUseCase(cell);
    return {
      params: { key },
      body: await linkModelInput(cell),
      snapshot: () => countModelLinks(cell.prisma, useCase.id),
    };
  },
  "DELETE /api/v1/use-cases/[key]/models/[id]": async (cell) => {
    const { key, link, snapshot } = await seedModelLink(cell);
    return { params: { key, id: link.id }, snapshot };
  },
  "POST /api/v1/use-cases/[key]/models/sync": async (cell) => {
    const { key, snapshot } = await seedModelLink(cell);
    return { params: { key }, snapshot: async () => ((await snapshot()) ? "linked" : "gone") };
  },
  "GET /api/v1/use-cases/[key]/repository": readUseCase,
  "PUT /api/v1/use-cases/[key]/repository": async (cell) => {
    const { key, snapshot } = await seedRepositoryCase(cell);
    return { params: { key }, body: { url: "https://git.example.com/team/matrix" }, snapshot };
  },
  "GET /api/v1/use-cases/[key]/deployment-approval": async (cell) => ({
    params: { key: (await seedUseCase(cell)).key },
    query: "environment=production&modelVersion=7",
  }),
  "server/actions/registry.ts#createRegistryAction": async (cell) => ({
    args: [{ name: `Matrix ${cell.marker}`, baseUrl: "http://127.0.0.1:9" }],
    snapshot: () => cell.prisma.registryConnection.count({ where: { name: `Matrix ${cell.marker}` } }),
  }),
  "server/actions/registry.ts#deleteRegistryAction": async (cell) => {
    const { registry, snapshot } = await seedRegistry(cell);
    return { args: [registry.id], snapshot };
  },
  "server/actions/registry.ts#linkModelAction": async (cell) => {
    const { useCase, key } = await seedUseCase(cell);
    return {
      params: { key },
      args: [key, await linkModelInput(cell)],
      snapshot: () => countModelLinks(cell.prisma, useCase.id),
    };
  },
  "server/actions/registry.ts#syncModelsAction": async (cell) => {
    const { key } = await seedModelLink(cell);
    return { params: { key }, args: [key] };
  },
  "server/actions/registry.ts#setRepositoryAction": async (cell) => {
    const { key, snapshot } = await seedRepositoryCase(cell);
    return { params: { key }, args: [key, { url: "https://git.example.com/team/matrix" }], snapshot };
  },

  // Flow: out-of-office delegation. Invalid inputs for one's own (nothing changes); a seeded
  // delegation between two other users for the admin's end.
  "GET /api/v1/me/delegation": plainRead,
  "PUT /api/v1/me/delegation": async (cell) => ({
    body: { delegateId: 12 },
    snapshot: () => cell.prisma.delegation.count({ where: { userId: cell.actor?.user.id ?? "" } }),
  }),
  "server/actions/delegations.ts#setMyDelegationAction": async (cell) => ({
    args: [{ delegateId: 12 }],
    snapshot: () => cell.prisma.delegation.count({ where: { userId: cell.actor?.user.id ?? "" } }),
  }),
  "server/actions/delegations.ts#endDelegationAction": async (cell) => {
    const away = await makeUser(cell.prisma, { role: "BUSINESS", name: `Matrix away ${cell.marker}` });
    const stand = await makeUser(cell.prisma, { role: "BUSINESS", name: `Matrix delegate ${cell.marker}` });
    const today = new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`);
    const delegation = await cell.prisma.delegation.create({
      data: { userId: away.id, delegateId: stand.id, from: today, to: new Date(today.getTime() + 7 * 86_400_000) },
    });
    return {
      args: [delegation.id],
      snapshot: () => cell.prisma.delegation.findUnique({ where: { id: delegation.id }, select: { endedAt: true } }),
    };
  },
  "server/actions/onboarding.ts#dismissGettingStartedAction": async (cell) => ({
    args: [],
    // Each cell's own account: the allowed admin cell must not move what a refused cell checks.
    snapshot: () =>
      cell.prisma.user.findUnique({
        where: { id: (cell.actor?.user ?? cell.world.others.IT).id },
        select: { guideDismissedAt: true },
      }),
  }),
};

/** A use case with a risk screening in `status` (its answers complete: a credit-scoring one). */
async function seedAssessment(cell: Cell, status: "DRAFT" | "SUBMITTED") {
  const { useCase, key } = await seedUseCase(cell);
  const answers = {
    prohibitedPractices: ["none"],
    annexIIIAreas: ["essential-services"],
    safetyComponent: false,
    interactsWithPeople: false,
    generatesContent: false,
    personalData: true,
    affectedPeople: "Loan applicants",
    humanOversight: "in-the-loop",
  };
  const row = await cell.prisma.riskAssessment.create({
    data: { useCaseId: useCase.id, templateVersion: 1, answers, status, tier: status === "SUBMITTED" ? "HIGH" : null },
  });
  const snapshot = async () => ({
    assessment: await cell.prisma.riskAssessment.findUnique({
      where: { id: row.id },
      select: { status: true, version: true, answers: true, tier: true },
    }),
    events: await cell.prisma.riskAssessmentEvent.count({ where: { assessmentId: row.id } }),
    tier: (await cell.prisma.useCase.findUnique({ where: { id: useCase.id }, select: { riskTier: true } }))?.riskTier,
  });
  return { key, snapshot };
}

const ownReview = (body: (key: string) => Pick<Prepared, "body" | "args">): Extra => ({
  label: "a risk officer may not review the screening of a use case they own",
  who: "RISK",
  expected: "deny",
  target: "owned",
  prepare: async (cell) => {
    const { key, snapshot } = await seedAssessment(cell, "SUBMITTED");
    return { params: { key }, ...body(key), snapshot };
  },
});

/** Checks of the subtle rules, beyond one cell per role. */
const EXTRAS: Record<string, Extra[]> = {
  "POST /api/v1/gates/[id]/decisions": decisionExtras(),
  "server/actions/gates.ts#decideGateAction": decisionExtras(),
  "POST /api/v1/use-cases/[key]/services/import": [
    {
      label: "a business sponsor previews a compose import (no save): service:manage, as previewComposeAction checks",
      who: "BUSINESS",
      expected: "deny",
      target: "owned",
      prepare: async (cell) => ({
        params: { key: (await seedUseCase(cell)).key },
        query: "baseUrl=http://stack.example.com",
        body: COMPOSE,
        contentType: "application/yaml",
      }),
    },
    {
      label: "a data scientist previews a compose import (no save) on someone else's use case",
      who: "DATA_SCIENTIST",
      expected: "deny",
      prepare: async (cell) => ({
        params: { key: (await seedUseCase(cell)).key },
        query: "baseUrl=http://stack.example.com",
        body: COMPOSE,
        contentType: "application/yaml",
      }),
    },
  ],
  "GET /api/v1/audit": [
    {
      label: "a non-admin reads one use case's events with ?useCase=",
      who: "BUSINESS",
      expected: "allow",
      prepare: async (cell) => ({ query: `useCase=${(await seedUseCase(cell)).key}` }),
    },
  ],
  "GET /admin/audit/export.csv": [
    {
      label: "a non-admin exports one use case's events with ?useCase=",
      who: "IT",
      expected: "allow",
      prepare: async (cell) => ({ query: `useCase=${(await seedUseCase(cell)).key}` }),
    },
  ],
  "POST /api/v1/use-cases/[key]/assessment/review": [
    ownReview(() => ({ body: { decision: "APPROVE", rationale: "Own." } })),
  ],
  "server/actions/risk.ts#reviewAssessmentAction": [
    ownReview((key) => ({ args: [key, { decision: "APPROVE", rationale: "Own." }] })),
  ],
};

function decisionExtras(): Extra[] {
  return [
    {
      label: "IT may not decide G1 (its only decider is BUSINESS)",
      who: "IT",
      expected: "deny",
      prepare: async (cell) => {
        const { review, snapshot } = await seedReview(cell, { stage: "POC" });
        return { params: { id: review.id }, body: {}, args: [review.id, {}], snapshot };
      },
    },
    {
      label: "the requester of a review may not decide it, although their role is a decider",
      who: "BUSINESS",
      expected: "deny",
      prepare: async (cell) => {
        const { review, snapshot } = await seedReview(cell, { requestedById: cell.actor?.user.id });
        return { params: { id: review.id }, body: {}, args: [review.id, {}], snapshot };
      },
    },
    {
      label: "BUSINESS decides G1",
      who: "BUSINESS",
      expected: "allow",
      prepare: async (cell) => {
        const { review, snapshot } = await seedReview(cell, { stage: "POC" });
        return { params: { id: review.id }, body: {}, args: [review.id, {}], snapshot };
      },
    },
  ];
}

// ---------------------------------------------------------------------------------------
// Calling an entry point and judging the answer.

type Verdict = "allow" | "deny" | "error";
type Outcome = { verdict: Verdict; detail: string };

function fillPath(template: string, params: Record<string, string>): string {
  return template.replace(/\[(?:\.\.\.)?(\w+)\]/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`No value for [${name}] in ${template}`);
    return name === "nextauth" ? value : encodeURIComponent(value);
  });
}

/**
 * A request, sent again once when the connection was reset before an answer: a keep-alive
 * socket the server closed while idle (nothing reached the app).
 */
async function sendOnce(send: () => Promise<APIResponse>): Promise<APIResponse> {
  try {
    return await send();
  } catch (error) {
    if (!/ECONNRESET|socket hang up/.test(String(error))) throw error;
    return send();
  }
}

async function callRoute(row: RouteRow, cell: Cell, prepared: Prepared): Promise<Outcome> {
  let answer: { status: number; text: string };
  if (prepared.send) answer = await prepared.send();
  else {
    const url = fillPath(row.path, prepared.params ?? {}) + (prepared.query ? `?${prepared.query}` : "");
    const headers: Record<string, string> = {};
    let context = cell.world.bare;
    if (cell.actor && row.auth === "session") {
      context = cell.actor.session;
      headers.origin = cell.world.origin;
    } else if (cell.actor && row.auth !== "public") headers.authorization = `Bearer ${cell.actor.token}`;
    // Anonymous calls come from this site (as a browser's would), so the CSRF check lets them
    // through and authentication itself answers.
    if (!cell.actor) headers.origin = cell.world.origin;
    if (prepared.contentType) headers["content-type"] = prepared.contentType;
    const response = await sendOnce(() =>
      context.fetch(url, {
        method: row.method,
        headers,
        data: prepared.body,
        maxRedirects: 0,
        failOnStatusCode: false,
      }),
    );
    answer = { status: response.status(), text: await response.text() };
  }
  const { status } = answer;
  const detail = `${status} ${answer.text.slice(0, 300).replace(/\s+/g, " ")}`;
  // No credentials: 401, nothing else.
  if (!cell.actor && row.auth !== "public" && (status === 401 || status === 403))
    return { verdict: status === 401 ? "deny" : "error", detail: status === 401 ? detail : `expected 401: ${detail}` };
  if (status === 401 || status === 403) return { verdict: "deny", detail };
  if (status === 404 && prepared.notFoundRefuses && cell.target === "foreign") return { verdict: "deny", detail };
  if (status === 404 && prepared.unknownPath && answer.text.includes('"status":404'))
    return { verdict: "deny", detail };
  // A 404 on a seeded record means the call missed its target: it proves nothing.
  if (status === 404 || status >= 500) return { verdict: "error", detail };
  return { verdict: "allow", detail };
}

async function callAction(row: ActionRow, cell: Cell, prepared: Prepared): Promise<Outcome> {
  const { world } = cell;
  const ref = world.actions.get(rowId(row));
  if (!ref) return { verdict: "error", detail: "not in .next/server/server-reference-manifest.json" };
  const page = actionPage(ref, { key: world.sampleKey, ...prepared.params });
  const context = cell.actor ? cell.actor.session : world.bare;
  const response = await sendOnce(() =>
    context.post(page, {
      headers: {
        "next-action": ref.id,
        origin: world.origin,
        "content-type": "text/plain;charset=UTF-8",
        accept: "text/x-component",
      },
      data: encodeReply(prepared.args ?? []),
      maxRedirects: 0,
      failOnStatusCode: false,
    }),
  );
  const body = await response.body();
  if (response.status() !== 200)
    return { verdict: "error", detail: `POST ${page}: ${response.status()} ${body.toString().slice(0, 200)}` };
  let result: { ok?: unknown; message?: unknown };
  try {
    result = readActionResult(body) as typeof result;
  } catch (error) {
    return { verdict: "error", detail: `POST ${page}: ${(error as Error).message}` };
  }
  const detail = JSON.stringify(result).slice(0, 300);
  if (prepared.effect) return { verdict: (await prepared.effect()) ? "allow" : "deny", detail };
  if (result?.ok === true) return { verdict: "allow", detail };
  const message = String(result?.message ?? "");
  if (message === world.sessionEnded || world.forbidden.some((pattern) => pattern.test(message)))
    return { verdict: "deny", detail };
  if (/was not found\.$/.test(message))
    // Someone else's token is "not found" (the refusal); any other miss proves nothing.
    return { verdict: prepared.notFoundRefuses && cell.target === "foreign" ? "deny" : "error", detail };
  if (result?.ok !== false || !message) return { verdict: "error", detail: `not an ActionResult: ${detail}` };
  return { verdict: "allow", detail };
}

/**
 * The request body of an action call, as React's encodeReply makes it for plain arguments:
 * a JSON array, where a string starting with "$" is escaped as "$$" (an unescaped one is
 * read as a reference and the call fails).
 */
function encodeReply(args: unknown[]): string {
  return JSON.stringify(args, (_key, value) =>
    typeof value === "string" && value.startsWith("$") ? `$${value}` : value,
  );
}

let cellCounter = 0;

/** One cell: seed, call, judge; a refusal must leave the targeted state unchanged. Returns the mismatches. */
async function runCell(
  row: MatrixRow,
  prisma: PrismaClient,
  world: World,
  who: Principal,
  target: Target,
  expected: "allow" | "deny",
  prepare: Scenario,
  label: string,
): Promise<{ problems: string[]; line: string }> {
  const cell: Cell = {
    prisma,
    world,
    who,
    actor: who === "anonymous" ? null : world.actors[who],
    target,
    marker: `matrix-${Date.now().toString(36)}-${process.pid}-${cellCounter++}`,
  };
  const prepared = await prepare(cell);
  const before = prepared.snapshot ? JSON.stringify(await prepared.snapshot()) : undefined;
  const outcome = row.kind === "route" ? await callRoute(row, cell, prepared) : await callAction(row, cell, prepared);
  const problems: string[] = [];
  if (outcome.verdict !== expected)
    problems.push(`${label}: expected ${expected}, got ${outcome.verdict} (${outcome.detail})`);
  if (expected === "deny" && prepared.snapshot) {
    const after = JSON.stringify(await prepared.snapshot());
    if (after !== before) problems.push(`${label}: refused, yet the database changed: ${before} -> ${after}`);
  }
  return { problems, line: `${problems.length ? "MISMATCH" : "ok"} ${label} -> ${outcome.verdict}: ${outcome.detail}` };
}

type CellPlan = { who: Principal; target: Target; expected: "allow" | "deny"; access: Access };

function cellsOf(row: MatrixRow): CellPlan[] {
  return PRINCIPALS.flatMap((who): CellPlan[] => {
    const access = row.access[who];
    if (access === "own")
      return [
        { who, target: "owned", expected: "allow", access },
        { who, target: "foreign", expected: "deny", access },
      ];
    // "allow" is shown on someone else's record (any scope); "deny" on the actor's own (owning does not help).
    const target: Target = access === "deny" && who !== "anonymous" ? "owned" : "foreign";
    return [{ who, target, expected: access, access }];
  });
}

test.describe("the authorization matrix, run against the app", () => {
  for (const row of MATRIX) {
    const id = rowId(row);
    test(id, async ({ prisma, world }) => {
      test.setTimeout(120_000);
      const scenario = SCENARIOS[id];
      expect(scenario, `no scenario for ${id}`).toBeTruthy();
      if (!scenario) return;
      const runs = cellsOf(row).map(({ who, target, expected, access }) =>
        runCell(row, prisma, world, who, target, expected, scenario, `${who} (${access}, ${target} record)`),
      );
      for (const extra of EXTRAS[id] ?? [])
        runs.push(
          runCell(row, prisma, world, extra.who, extra.target ?? "foreign", extra.expected, extra.prepare, extra.label),
        );
      if (row.kind === "route" && row.auth === "metrics-token")
        runs.push(
          (async () => {
            const response = await world.bare.get(row.path, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
            const line = `the metrics token -> ${response.status()}`;
            return { problems: response.status() === 200 ? [] : [`${line}, expected 200`], line };
          })(),
        );
      const results = await Promise.all(runs);
      await test.info().attach("cells", { body: results.map((r) => r.line).join("\n"), contentType: "text/plain" });
      const mismatches = results.flatMap((r) => r.problems);
      expect(mismatches, `${id}: cells that do not match the table`).toEqual([]);
    });
  }
});
