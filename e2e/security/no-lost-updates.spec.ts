// No lost updates (guarantee 3 in docs/security.md), over real HTTP against the production build: for every
// editable record type with a version, N parallel edits of the same record from the same version,
// each with different values: exactly one wins (200), the N-1 others get 409 with the record as it
// now is (`current`), the stored record is the winner's and its version went up by exactly one.
// Three rounds per type. An edit that omits the version is a 422, never a silent win. Every PATCH/PUT of the registry must be classified here, so a new edit
// endpoint cannot go unchecked.
import { randomBytes } from "node:crypto";
import type { Role } from "@/lib/lifecycle";
import { makeUser } from "@/prisma/seed/factories";
import { createApiToken } from "@/server/auth/api-tokens";
import { ENDPOINTS } from "@/server/openapi/paths";
import { test as base, expect } from "../support/fixtures";
import { type Actor, type Ctx, EDITABLE, json } from "./no-lost-updates/editable";

const N = 8;
const ROUNDS = 3;
const UNVERSIONED: Record<string, string> = {
  setRepository:
    "A use case's repository is one URL, replaced whole by each PUT: two people setting it at once, the last one wins (no version).",
  setMyDelegation:
    "One's own out-of-office delegate, replaced whole by each PUT: only its owner edits it, from their own sessions, so the last save wins (no version).",
  putScores:
    "A person's own scores on a use case, one per criterion, rewritten by each PUT: only the scorer writes them, so their last save wins (no version). Saved twice at once, one score per (criterion, scorer) remains (server/priority/priority.test.ts).",
};
/**
 * Versioned, with their parallel-save test elsewhere: a new scoring-model version moves every
 * use case's rank and rank change, and a new risk template is what every new screening asks,
 * which specs running beside this one check.
 */
const TESTED_ELSEWHERE: Record<string, string> = {
  bulkUpdateUseCases:
    "Versioned per row (expectedVersions, else the version read at the start; each row written at that version): a stale row is reported as a conflict with its current version and not written, and saves made during a bulk edit are never overwritten (server/use-cases/bulk-update-use-cases.test.ts).",
  updateRiskTemplate:
    "Versioned (expectedVersion; a new version per save, which every new screening uses): admins saving at once make one new version and the others get 409, on a database of its own (server/risk/questionnaire-templates.test.ts).",
  updateScoringModel:
    "Versioned (expectedVersion; a new version per save): three admins saving at once make one new version and the others get 409, on a database of its own (server/priority/priority.test.ts).",
};

const test = base.extend<object, { people: { admin: Actor; owner: { id: string } } }>({
  people: [
    async ({ prisma }, use) => {
      const withToken = async (role: Role): Promise<Actor> => {
        const user = await makeUser(prisma, { role });
        return { ...user, token: await createApiToken(prisma, user.email, "lost-update tests") };
      };
      await use({ admin: await withToken("ADMIN"), owner: await makeUser(prisma, { role: "DATA_SCIENTIST" }) });
    },
    { scope: "worker" },
  ],
});

test.describe("no lost updates", () => {
  test("every edit operation of the registry is classified (versioned, or a reported finding)", () => {
    const edits = ENDPOINTS.filter((e) => e.method === "PATCH" || e.method === "PUT").map((e) => e.operationId);
    const unclassified = edits.filter((id) => !EDITABLE[id] && !UNVERSIONED[id] && !TESTED_ELSEWHERE[id]);
    expect(unclassified, "add them to EDITABLE (with their version) or UNVERSIONED (a finding)").toEqual([]);
    for (const [id, finding] of Object.entries(UNVERSIONED))
      test.info().annotations.push({ type: `finding: ${id}`, description: finding });
    for (const [id, where] of Object.entries(TESTED_ELSEWHERE))
      test.info().annotations.push({ type: `tested elsewhere: ${id}`, description: where });
  });

  for (const [operationId, editable] of Object.entries(EDITABLE)) {
    test.describe(operationId, () => {
      // A shared record's two tests run one after the other: the first one's restore saves the row.
      if (editable.shared) test.describe.configure({ mode: "default" });
      test(`${editable.record}: ${N} parallel edits from one version, one wins (${operationId})`, async ({
        request,
        prisma,
        people,
      }) => {
        const tag = `${Date.now().toString(36)}${randomBytes(3).toString("hex")}`;
        const ctx: Ctx = { request, prisma, ...people, tag };
        const subject = await editable.setup(ctx);

        try {
          for (let round = 1; round <= ROUNDS; round++) {
            // Shared records (the template) can move under us between reading and sending: a round
            // where someone else's save beat all eight is sent again, up to three times.
            for (let attempt = 1; ; attempt++) {
              const { version } = await subject.stored();
              const requests = Array.from({ length: N }, (_, i) => subject.edit(version, i, round));
              const answers = await Promise.all(
                requests.map(async (r) => {
                  const response = await request.fetch(r.path, {
                    method: r.method,
                    headers: { authorization: `Bearer ${ctx.admin.token}`, "content-type": "application/json" },
                    data: JSON.stringify(r.body),
                  });
                  const text = await response.text();
                  let body: Record<string, unknown> | null = null;
                  try {
                    body = JSON.parse(text);
                  } catch {
                    // kept as text in the messages below
                  }
                  return {
                    status: response.status(),
                    contentType: response.headers()["content-type"] ?? "",
                    body,
                    text,
                  };
                }),
              );
              const winners = answers.flatMap((a, i) => (a.status >= 200 && a.status < 300 ? [i] : []));
              const now = await subject.stored();
              if (winners.length === 0 && now.version !== version && attempt < 3) continue;

              const label = `round ${round}, from version ${version}`;
              const summary = answers.map((a) => `${a.status} ${a.text.slice(0, 160)}`).join("\n");
              expect(winners, `${label}: exactly one edit wins:\n${summary}`).toHaveLength(1);
              const winner = winners[0] as number;
              expect(answers[winner]?.status, label).toBe(200);
              for (const [i, answer] of answers.entries()) {
                if (i === winner) continue;
                expect(answer.status, `${label}: edit #${i} is refused as stale: ${answer.text.slice(0, 300)}`).toBe(
                  409,
                );
                expect(answer.contentType, `${label}: edit #${i}`).toContain("application/problem+json");
                // Soft: every loser must be told what the record is now (checked for all types).
                expect
                  .soft(answer.body?.current, `${label}: the 409 of edit #${i} carries \`current\`: ${answer.text}`)
                  .toBeTruthy();
                if (answer.body?.current)
                  expect
                    .soft(subject.currentVersion(answer.body.current), `${label}: \`current\` is the winner's version`)
                    .toBe(now.version);
              }
              const next = subject.next ?? ((from: number, to: number) => to === from + 1);
              expect(
                next(version, now.version),
                `${label}: the version went up by one (${version} → ${now.version})`,
              ).toBe(true);
              expect(json(now.values), `${label}: the stored record is the winner's (#${winner})`).toEqual(
                json(subject.values(winner, round)),
              );
              break;
            }
          }
        } finally {
          await subject.restore?.();
        }
      });

      test(`${editable.record}: two editors who omit the version are both refused with 422, nothing written (${operationId})`, async ({
        request,
        prisma,
        people,
      }) => {
        const tag = `${Date.now().toString(36)}${randomBytes(3).toString("hex")}`;
        const ctx: Ctx = { request, prisma, ...people, tag };
        const subject = await editable.setup(ctx);
        try {
          const before = await subject.stored();
          const answers = await Promise.all(
            [0, 1].map(async (i) => {
              const r = subject.edit(before.version, i, 1);
              // The edit as a careless client sends it: no version (nor a template's expectedVersion, nor a user's updatedAt).
              const {
                version: _version,
                expectedVersion: _expected,
                updatedAt: _updatedAt,
                ...body
              } = r.body as Record<string, unknown>;
              const response = await request.fetch(r.path, {
                method: r.method,
                headers: { authorization: `Bearer ${ctx.admin.token}`, "content-type": "application/json" },
                data: JSON.stringify(body),
              });
              return {
                status: response.status(),
                type: response.headers()["content-type"] ?? "",
                text: await response.text(),
              };
            }),
          );
          for (const [i, answer] of answers.entries()) {
            expect(answer.status, `edit #${i} without a version: ${answer.text.slice(0, 300)}`).toBe(422);
            expect(answer.type).toContain("application/problem+json");
            const paths = (JSON.parse(answer.text) as { errors?: { path: string }[] }).errors?.map((e) => e.path);
            expect(paths, `edit #${i} names the missing field`).toEqual(
              expect.arrayContaining([expect.stringMatching(/^(version|expectedVersion|updatedAt)$/)]),
            );
          }
          const after = await subject.stored();
          if (editable.shared)
            expect(json(after.values), "nothing of this test's edits was written").toEqual(json(before.values));
          else expect(json(after), "nothing was written").toEqual(json(before));
        } finally {
          await subject.restore?.();
        }
      });
    });
  }
});
