// Calling an entry point over real HTTP and judging the answer: a route handler with the
// actor's Bearer token or session, a server action the way the browser calls it (the RSC
// answer decoded to its ActionResult); a cell is seeded, called and judged.
import type { APIResponse } from "@playwright/test";
import type { PrismaClient } from "@/prisma/client";
import {
  type Access,
  type ActionRow,
  type MatrixRow,
  PRINCIPALS,
  type Principal,
  type RouteRow,
  rowId,
} from "@/test-support/authorization-matrix-rows";
import type { ActionRef } from "./discovery";
import type { Prepared, Scenario } from "./scenarios/kit";
import { type Cell, FOREIGN_ORIGIN, type Mechanism, type Target, type World } from "./world";

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
    if (cell.actor && (row.auth === "session" || cell.mechanism !== "default")) {
      context = cell.actor.session;
      headers.origin = cell.mechanism === "cross-site" ? FOREIGN_ORIGIN : cell.world.origin;
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
  // A forged request is refused by the CSRF check, before the handler runs; any other answer
  // means the handler ran.
  if (cell.mechanism === "cross-site")
    return { verdict: status === 403 && /must come from this site/.test(answer.text) ? "deny" : "allow", detail };
  // No credentials: 401, nothing else.
  if (!cell.actor && row.auth !== "public" && (status === 401 || status === 403))
    return { verdict: status === 401 ? "deny" : "error", detail: status === 401 ? detail : `expected 401: ${detail}` };
  if (status === 401 || status === 403) return { verdict: "deny", detail };
  // An entry point that answers 200 and skips what the caller may not touch (a bulk edit's refused rows).
  if (prepared.effect && status < 400) return { verdict: (await prepared.effect()) ? "allow" : "deny", detail };
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
        origin: cell.mechanism === "cross-site" ? FOREIGN_ORIGIN : world.origin,
        "content-type": "text/plain;charset=UTF-8",
        accept: "text/x-component",
      },
      data: encodeReply(prepared.args ?? []),
      maxRedirects: 0,
      failOnStatusCode: false,
    }),
  );
  const body = await response.body();
  // A forged call must never reach the action: any answer other than an action's envelope
  // (Next.js refuses a foreign Origin before running it) is the refusal.
  if (cell.mechanism === "cross-site") {
    const detail = `POST ${page} from ${FOREIGN_ORIGIN}: ${response.status()} ${body.toString().slice(0, 200)}`;
    try {
      readActionResult(body);
    } catch {
      return { verdict: "deny", detail };
    }
    return { verdict: response.status() === 200 ? "allow" : "deny", detail };
  }
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
export async function runCell(
  row: MatrixRow,
  prisma: PrismaClient,
  world: World,
  who: Principal,
  target: Target,
  expected: "allow" | "deny",
  prepare: Scenario,
  label: string,
  mechanism: Mechanism = "default",
): Promise<{ problems: string[]; line: string }> {
  const cell: Cell = {
    prisma,
    world,
    who,
    actor: who === "anonymous" ? null : world.actors[who],
    target,
    marker: `matrix-${Date.now().toString(36)}-${process.pid}-${cellCounter++}`,
    mechanism,
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

/**
 * The cells that try the other ways in, a few per row rather than every role again:
 * - an API route that takes a token or the session: the session cookie (from this site) of
 *   the first role the table allows and of the first it refuses, judged as the table says;
 * - a write (an API write by cookie, or a server action) sent with the session cookie of an
 *   allowed role from another site: refused before it runs.
 */
export function mechanismCellsOf(row: MatrixRow): (CellPlan & { mechanism: Mechanism })[] {
  const plans = cellsOf(row).filter((plan) => plan.who !== "anonymous");
  const allowed = plans.find((plan) => plan.expected === "allow");
  const refused = plans.find((plan) => plan.expected === "deny");
  const cells: (CellPlan & { mechanism: Mechanism })[] = [];
  if (row.kind === "route" && row.auth === "token-or-session") {
    for (const plan of [allowed, refused]) if (plan) cells.push({ ...plan, mechanism: "cookie" });
    if (allowed && row.method !== "GET") cells.push({ ...allowed, expected: "deny", mechanism: "cross-site" });
  }
  if (row.kind === "action" && allowed) cells.push({ ...allowed, expected: "deny", mechanism: "cross-site" });
  return cells;
}

export function cellsOf(row: MatrixRow): CellPlan[] {
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
