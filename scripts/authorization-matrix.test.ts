// The authorization matrix's table against the code, without a server (the cells themselves run
// over HTTP in e2e/security/authorization-matrix.spec.ts):
// - completeness: the table (test-support/authorization-matrix-rows/) lists exactly the route handlers
//   (app/**/route.ts, their exported HTTP methods) and the server actions ("use server" files,
//   all in server/actions/, their exported async functions). A new handler or action fails here
//   until it is listed: deny by default applies to the table too. (That every row has a
//   scenario is checked beside the scenarios, in the end-to-end spec.)
// - the role table: each row's cells agree with lib/permissions.ts, the table the server
//   enforces, for the rows that name the permission they spell out.
import { describe, expect, it } from "vitest";
import { decidersFor, GATES, type Role } from "@/lib/lifecycle";
import { PERMISSIONS, type Permission } from "@/lib/permissions";
import { actionEntries, exportedMethods, routeEntries } from "@/test-support/app-routes";
import { type Access, MATRIX, type MatrixRow, PRINCIPALS, rowId } from "@/test-support/authorization-matrix-rows";

/** The permission a row spells out: its note starts with it ("use-case:update: ..."). */
const permissionOf = (row: MatrixRow): Permission | null => {
  const named = /^([a-z-]+:[a-z-]+)/.exec(row.note ?? "")?.[1];
  return named && named in PERMISSIONS ? (named as Permission) : null;
};

/** The cells lib/permissions.ts gives a permission: "any" allows, "own" is own, a role not listed and the anonymous visitor are denied. */
function cellsFromTable(permission: Permission, row: MatrixRow): Record<string, Access> {
  const rule = PERMISSIONS[permission] as Partial<Record<Role, "any" | "own">>;
  // The matrix votes on a G2 review: gate:decide holds only for that gate's deciders.
  const g2 = GATES.find((gate) => gate.id === "G2");
  const decides = (role: Role) => permission !== "gate:decide" || (g2 ? decidersFor(g2, null).includes(role) : false);
  const cells: Record<string, Access> = { anonymous: "deny" };
  for (const role of PRINCIPALS.filter((p): p is Role => p !== "anonymous")) {
    const scope = decides(role) ? rule[role] : undefined;
    cells[role] = scope === "any" ? (OWN_BY_RECORD[rowId(row)] ? "own" : "allow") : scope === "own" ? "own" : "deny";
  }
  return cells;
}

/**
 * Rows whose records belong to one user whatever the permission says: "any" role may, on its own
 * record only. Each says why.
 */
const OWN_BY_RECORD: Record<string, string> = {
  "DELETE /api/v1/tokens/[id]":
    "a token is its user's: api-token:manage revokes one's own (another's is api-token:manage-any)",
  "server/actions/api-tokens.ts#revokeApiTokenAction": "the same rule as DELETE /api/v1/tokens/[id]",
  "GET /api/v1/views/[id]": "a personal view is its owner's: view:manage reads one's own (and the shared ones)",
  "PATCH /api/v1/views/[id]": "a view is its owner's: view:manage changes one's own only",
  "DELETE /api/v1/views/[id]": "a view is its owner's: view:manage deletes one's own only",
  "server/actions/views.ts#updateViewAction": "the same rule as PATCH /api/v1/views/[id]",
  "server/actions/views.ts#deleteViewAction": "the same rule as DELETE /api/v1/views/[id]",
};

/** Permissions checked inside a row's entry point rather than by a row of their own, and where they are tested. */
const ELSEWHERE: Partial<Record<Permission, string>> = {
  "view:share":
    "POST and PATCH /api/v1/views with shared true; server/views/saved-views.test.ts (DATA_SCIENTIST, IT and RISK refused, ADMIN and BUSINESS allowed)",
  "risk:accept":
    "PATCH /api/v1/use-cases/[key]/risks/[id] with status ACCEPTED; server/risk/risk-gates.test.ts (the owner refused, the risk officer allowed)",
};

/** Entry points that no permission of lib/permissions.ts governs, and what does instead. */
const NO_PERMISSION = [
  "GET /api/health",
  "GET /api/v1/openapi.json",
  "GET /api/auth/[...nextauth]",
  "POST /api/auth/[...nextauth]",
  "GET /api/[...path]",
  "POST /api/[...path]",
  "PUT /api/[...path]",
  "PATCH /api/[...path]",
  "DELETE /api/[...path]",
  "OPTIONS /api/[...path]",
  "GET /api/metrics",
  "GET /api/v1/settings",
  "server/actions/notifications.ts#markNotificationsReadAction",
  "server/actions/comments.ts#mentionCandidatesAction",
  "server/actions/profile.ts#updateProfileAction",
  "server/actions/profile.ts#changePasswordAction",
  "server/actions/profile.ts#signOutEverywhereAction",
  "server/actions/setup.ts#setupAction",
  "POST /api/v1/use-cases/[key]/attachments",
];

describe("the authorization matrix's table", () => {
  it("reads every way a route file exports a method", () => {
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

  it("lists every route handler and every server action, and nothing that no longer exists", () => {
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

    expect(
      unlisted,
      "entry points missing from test-support/authorization-matrix-rows/ (deny by default: list them)",
    ).toEqual([]);
    expect(stale, "rows of test-support/authorization-matrix-rows/ that no longer exist in the code").toEqual([]);
    expect(wrongFile, "rows naming the wrong route file").toEqual([]);
    expect(inline, 'inline server actions ("use server" inside a function): move them to server/actions/').toEqual([]);
    expect(misplaced, '"use server" modules outside server/actions/<domain>.ts').toEqual([]);
  });

  it("agrees with the permission table the server enforces (lib/permissions.ts), row by row", () => {
    const unnamed = MATRIX.filter((row) => !permissionOf(row) && !NO_PERMISSION.includes(rowId(row))).map(rowId);
    expect(unnamed, 'rows that name no permission: start the note with it ("use-case:update: ...")').toEqual([]);
    const stale = NO_PERMISSION.filter((id) => !MATRIX.some((row) => rowId(row) === id && !permissionOf(row)));
    expect(stale, "NO_PERMISSION lists rows that are gone or name a permission now").toEqual([]);
    const disagreeing = MATRIX.flatMap((row) => {
      const permission = permissionOf(row);
      if (!permission) return [];
      const expected = cellsFromTable(permission, row);
      return PRINCIPALS.filter((who) => row.access[who] !== expected[who]).map(
        (who) =>
          `${rowId(row)} (${permission}): ${who} is "${row.access[who]}" in the matrix, "${expected[who]}" in the table`,
      );
    });
    expect(disagreeing).toEqual([]);
    // Every permission is exercised by some row, or said to be tested elsewhere.
    const used = new Set<string>([...MATRIX.map(permissionOf).filter((p) => p !== null), ...Object.keys(ELSEWHERE)]);
    expect(
      Object.keys(PERMISSIONS).filter((p) => !used.has(p)),
      "permissions no row of the matrix spells out",
    ).toEqual([]);
  });
});
