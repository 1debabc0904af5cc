// Bad input never breaks anything (guarantee 2 in docs/security.md), at the domain layer: the server actions
// hand whatever the browser sent straight to these functions (server/http/run-action.ts), so each
// write function gets seeded fast-check inputs as a role that may use it. Each call must either
// succeed on input its schema accepts or throw a DomainError (never another error: that would be
// a 500 / "something went wrong"), and a refused write must leave its records as they were.
// The HTTP side of the same guarantee: e2e/security/bad-input.spec.ts (the fuzz helpers of test-support/fuzz.ts serve both).
import fc from "fast-check";
import { afterAll, beforeAll, describe, it } from "vitest";
import { makeUser } from "@/prisma/seed/factories";
import { FUZZ_RUNS, seedOf } from "@/test-support/fuzz";
import { OPS } from "./bad-input";
import type { Ctx } from "./bad-input/kit";
import {
  check,
  describeValue,
  GARBAGE_IDS,
  INJECTIONS,
  MONEY,
  type Mutation,
  mutations,
  ODD,
  odd,
} from "./bad-input/mutations";
import { mentionCandidates } from "./comments/mention-candidates";
import { db } from "./db";
import { DomainError } from "./errors";

// Webhooks and services here point at closed ports of this machine: let the address policy allow it.
const probeAllow = process.env.ROADBOOK_PROBE_ALLOW;
beforeAll(() => {
  process.env.ROADBOOK_PROBE_ALLOW = "127.0.0.1/32";
});
afterAll(() => {
  if (probeAllow === undefined) delete process.env.ROADBOOK_PROBE_ALLOW;
  else process.env.ROADBOOK_PROBE_ALLOW = probeAllow;
});

describe("bad input into the domain write functions (what server actions call)", () => {
  for (const [name, op] of Object.entries(OPS)) {
    it(`${name}: succeeds on valid input or throws a DomainError, and a refusal changes nothing`, {
      timeout: 180_000,
    }, async () => {
      const tag = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
      const ctx: Ctx = {
        actor: await makeUser(db, { role: op.as }),
        owner: await makeUser(db, { role: "DATA_SCIENTIST" }),
        admin: await makeUser(db, { role: "ADMIN" }),
        business: await makeUser(db, { role: "BUSINESS" }),
        tag,
      };
      const prepared = await op.setup(ctx);
      const hasId = prepared.id !== "";
      const examples: Mutation[] = [
        ...(op.schema ? ODD.concat(INJECTIONS).map((value, at) => ({ k: "text", at, value }) as Mutation) : []),
        ...(op.money ? MONEY.map((value, at) => ({ k: "money", at, value }) as Mutation) : []),
        ...(hasId ? GARBAGE_IDS.map((value) => ({ k: "id", value }) as Mutation) : []),
      ];
      try {
        await fc.assert(
          fc.asyncProperty(mutations(op, hasId), (m) => check(name, op, prepared, m)),
          {
            seed: seedOf(name),
            // Examples count as runs: every example, then the random ones.
            numRuns: examples.length + Math.round((op.schema ? 40 : 15) * FUZZ_RUNS),
            examples: examples.map((m) => [m] as [Mutation]),
            endOnFailure: true,
          },
        );
      } finally {
        await prepared.cleanup?.();
      }
    });
  }

  it("the mention search (a read the composer's action calls) takes any text", async () => {
    const actor = await makeUser(db, { role: "BUSINESS" });
    await fc.assert(
      fc.asyncProperty(fc.oneof(odd, fc.constantFrom(...GARBAGE_IDS)), async (q) => {
        try {
          await mentionCandidates(actor, { q });
        } catch (e) {
          if (!(e instanceof DomainError)) throw new Error(`mentionCandidates(${describeValue(q)}) threw ${String(e)}`);
        }
      }),
      { seed: seedOf("mentionCandidates"), numRuns: 30, endOnFailure: true },
    );
  });
});
