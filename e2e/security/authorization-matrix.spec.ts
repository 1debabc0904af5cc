// Runs the authorization matrix (test-support/authorization-matrix-rows/) against the production build.
//
// 1. The table itself is checked without a server, in scripts/authorization-matrix.test.ts
//    (Vitest): it lists exactly the route handlers and server actions of the code (deny by
//    default applies to the table too), and each row agrees with lib/permissions.ts.
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
// The pieces, in e2e/security/authorization-matrix/: rows/ (the table, one file per area),
// discovery.ts (the entry points of the source tree, the action ids of the build, the refusal
// messages), world.ts (the worker fixture: a user, token and session per role), scenarios/
// (what each row seeds and sends, one file per area, and the extra cells of the subtle rules),
// judge.ts (sending a cell and judging the answer).

import { MATRIX, rowId } from "@/test-support/authorization-matrix-rows";
import { test as base, expect } from "../support/fixtures";
import { METRICS_TOKEN } from "../support/server-secrets";
import { cellsOf, mechanismCellsOf, runCell } from "./authorization-matrix/judge";
import { EXTRAS, SCENARIOS } from "./authorization-matrix/scenarios";
import { test } from "./authorization-matrix/world";

base("every row of the table has a scenario", () => {
  expect(
    MATRIX.filter((row) => !SCENARIOS[rowId(row)]).map(rowId),
    "rows without a scenario in e2e/security/authorization-matrix/scenarios/",
  ).toEqual([]);
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
