// Runs the authorization matrix (e2e/authorization-matrix/rows/) against the production build.
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
//    Besides, a few cells per row for the other ways in (mechanismCellsOf): an API route by
//    session cookie, and forged writes, a session cookie sent from another site's Origin,
//    which must be refused before the entry point runs.
//    "allow" = not refused (a minimal input may still be invalid: 422 / ok:false with another
//    message); "deny" = 401/403 or the forbidden ActionResult, AND the record the call
//    targeted is unchanged; "own" = allowed on an owned record, denied on someone else's.
//    Every cell seeds its own records with the factories, so rows run in parallel.
//
// The pieces, in e2e/authorization-matrix/: rows/ (the table, one file per area),
// discovery.ts (the entry points of the source tree, the action ids of the build, the refusal
// messages), world.ts (the worker fixture: a user, token and session per role), scenarios/
// (what each row seeds and sends, one file per area, and the extra cells of the subtle rules),
// judge.ts (sending a cell and judging the answer).

import { exportedMethods } from "../test-support/app-routes";
import { actionEntries, routeEntries } from "./authorization-matrix/discovery";
import { cellsOf, mechanismCellsOf, runCell } from "./authorization-matrix/judge";
import { MATRIX, rowId } from "./authorization-matrix/rows";
import { EXTRAS, SCENARIOS } from "./authorization-matrix/scenarios";
import { test } from "./authorization-matrix/world";
import { test as base, expect } from "./fixtures";
import { METRICS_TOKEN } from "./server-secrets";

base.describe("the authorization matrix", () => {
  base("reads every way a route file exports a method", () => {
    const source = [
      "export async function GET() {}",
      "export const POST = apiRoute(handler);",
      "export { put as PUT };",
      "export const { PATCH, remove: DELETE, OPTIONS = fallback } = handlers;",
      "export const { helper } = tools;",
      "export const revalidate = 0;",
    ].join("\n");
    expect([...exportedMethods(source)].sort()).toEqual(["DELETE", "GET", "OPTIONS", "PATCH", "POST", "PUT"]);
    // The 405 answers of the methods a route does not have are not methods it has.
    const others =
      "export const GET = apiRoute(handler);\nexport const { POST, PUT, OPTIONS } = otherMethods({ GET });";
    expect([...exportedMethods(others)]).toEqual(["GET"]);
  });

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

    expect(unlisted, "entry points missing from e2e/authorization-matrix/rows/ (deny by default: list them)").toEqual(
      [],
    );
    expect(stale, "rows of e2e/authorization-matrix/rows/ that no longer exist in the code").toEqual([]);
    expect(wrongFile, "rows naming the wrong route file").toEqual([]);
    expect(inline, 'inline server actions ("use server" inside a function): move them to server/actions/').toEqual([]);
    expect(misplaced, '"use server" modules outside server/actions/<domain>.ts').toEqual([]);
    expect(
      MATRIX.filter((row) => !SCENARIOS[rowId(row)]).map(rowId),
      "rows without a scenario in e2e/authorization-matrix/scenarios/",
    ).toEqual([]);
  });
});

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
      // The other ways in run once the role cells are done: they share an allowed role's
      // account, whose own record (say, the user's dismissed guide) an allowed cell changes.
      const mechanismRuns = mechanismCellsOf(row).map(
        ({ who, target, expected, access, mechanism }) =>
          () =>
            runCell(
              row,
              prisma,
              world,
              who,
              target,
              expected,
              scenario,
              `${who} by ${mechanism === "cookie" ? "session cookie" : "session cookie from another site"} (${access}, ${target} record)`,
              mechanism,
            ),
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
      const results = [...(await Promise.all(runs)), ...(await Promise.all(mechanismRuns.map((run) => run())))];
      await test.info().attach("cells", { body: results.map((r) => r.line).join("\n"), contentType: "text/plain" });
      const mismatches = results.flatMap((r) => r.problems);
      expect(mismatches, `${id}: cells that do not match the table`).toEqual([]);
    });
  }
});
