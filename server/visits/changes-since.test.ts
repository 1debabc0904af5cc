import { describe, expect, it } from "vitest";
import { formatKey } from "@/lib/lifecycle";
import { makeUseCase, makeUser } from "@/prisma/seed/factories";
import { createComment } from "../comments/create-comment";
import { db } from "../db";
import type { DomainError } from "../errors";
import { updateUseCase } from "../use-cases/update-use-case";
import { changedSinceLastLooked } from "./changed-for-me";
import { changesSince, summariseChanges } from "./changes-since";
import { recordVisit } from "./use-case-visits";

describe("changes since the last visit", () => {
  it("lists other people's changes after the reader's last visit, summarised by part of the page", async () => {
    const owner = await makeUser(db, { role: "DATA_SCIENTIST" });
    const sponsor = await makeUser(db, { role: "BUSINESS" });
    const row = await makeUseCase(db, { ownerId: owner.id, sponsorId: sponsor.id, title: "Before" });
    const key = formatKey(row.number);

    // First visit: the page has nothing to compare with.
    expect(await recordVisit(sponsor.id, key)).toBeNull();
    expect(await changesSince(sponsor, key, {}, null)).toMatchObject({ since: null, events: [] });
    const visit = await db.useCaseVisit.findUniqueOrThrow({
      where: { userId_useCaseId: { userId: sponsor.id, useCaseId: row.id } },
    });
    // Without since, the API counts from that visit: nothing yet.
    expect(await changesSince(sponsor, key, {})).toMatchObject({ since: visit.seenAt.toISOString(), events: [] });

    // The owner edits two fields and comments; the sponsor comments too (their own: left out).
    await updateUseCase(owner, key, { version: row.version, title: "After", outcome: "Fewer churners" });
    await createComment(owner, key, { body: "Updated the outcome." });
    await createComment(sponsor, key, { body: "Thanks." });

    const changes = await changesSince(sponsor, key, {});
    expect(changes.since).toBe(visit.seenAt.toISOString());
    expect(changes.events.map((e) => [e.action, e.actor?.id])).toEqual([
      ["comment.create", owner.id],
      ["use-case.update", owner.id],
    ]);
    expect(changes.summary).toEqual({
      fields: ["Title", "Outcome"],
      value: 0,
      gates: 0,
      checklists: 0,
      discussion: 1,
      services: 0,
      other: 0,
    });
    // The owner's own changes are not news to them.
    expect((await changesSince(owner, key, { since: visit.seenAt.toISOString() })).events.map((e) => e.action)).toEqual(
      ["comment.create"],
    );

    // Opening the page again moves the mark: nothing new after it.
    expect((await recordVisit(sponsor.id, key))?.toISOString()).toBe(visit.seenAt.toISOString());
    expect((await changesSince(sponsor, key, {})).events).toEqual([]);
  });

  it("refuses a malformed since with its field, and an unknown use case", async () => {
    const reader = await makeUser(db, { role: "IT" });
    const row = await makeUseCase(db, { ownerId: reader.id });
    const refused = await changesSince(reader, formatKey(row.number), { since: "yesterday" }).catch(
      (error) => error as DomainError,
    );
    expect((refused as DomainError).details?.errors).toEqual([
      { path: "since", message: "Give since as an ISO 8601 date and time, e.g. 2026-11-26T15:53:00Z." },
    ]);
    await expect(changesSince(reader, "UC-999999999", {})).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("counts each kind of event in its part of the page", () => {
    const at = (action: string, after: unknown = {}) => ({ action, after });
    expect(
      summariseChanges([
        at("estimate.create"),
        at("cost.create"),
        at("gate.request"),
        at("use-case.stage"),
        at("checklist.update"),
        at("feedback.create"),
        at("service.update"),
        at("model-link.create"),
        at("use-case.update", { pocResult: "x", ebitda: {} }),
      ]),
    ).toEqual({
      fields: ["POC result", "EBITDA"],
      value: 2,
      gates: 2,
      checklists: 1,
      discussion: 1,
      services: 1,
      other: 1,
    });
  });

  it("lists, for the dashboard, the owner's and sponsor's use cases others changed since they looked", async () => {
    const owner = await makeUser(db, { role: "DATA_SCIENTIST" });
    const other = await makeUser(db, { role: "ADMIN" });
    const seen = await makeUseCase(db, { ownerId: owner.id, title: "Seen, then changed" });
    const quiet = await makeUseCase(db, { ownerId: owner.id, title: "Seen, unchanged" });
    const never = await makeUseCase(db, { ownerId: owner.id, title: "Never opened" });
    const notMine = await makeUseCase(db, { ownerId: other.id, title: "Someone else's" });
    await recordVisit(owner.id, formatKey(seen.number));
    await recordVisit(owner.id, formatKey(quiet.number));
    await updateUseCase(other, formatKey(never.number), { version: never.version, outcome: "New outcome" });
    await updateUseCase(other, formatKey(notMine.number), { version: notMine.version, outcome: "Not listed" });
    await updateUseCase(other, formatKey(seen.number), { version: seen.version, title: "Seen, then changed!" });
    await updateUseCase(owner, formatKey(quiet.number), { version: quiet.version, title: "Changed by me" });

    const listed = await changedSinceLastLooked(owner);
    expect(listed.map((u) => [u.key, u.title, u.changes])).toEqual([
      [formatKey(seen.number), "Seen, then changed!", 1],
      [formatKey(never.number), "Never opened", 1],
    ]);
  });

  it("lists the use cases a decider voted on, their own vote or one cast for them, and no others", async () => {
    const owner = await makeUser(db, { role: "DATA_SCIENTIST" });
    const decider = await makeUser(db, { role: "BUSINESS" });
    const delegate = await makeUser(db, { role: "BUSINESS" });
    const voted = await makeUseCase(db, { ownerId: owner.id, title: "Voted on" });
    const forMe = await makeUseCase(db, { ownerId: owner.id, title: "Voted on for me" });
    const other = await makeUseCase(db, { ownerId: owner.id, title: "Never decided" });
    const vote = async (useCaseId: string, voterId: string, onBehalfOfId?: string) => {
      const review = await db.gateReview.create({
        data: { useCaseId, fromStage: "POC", toStage: "PROTOTYPE", requestedById: owner.id, evidenceUrls: [] },
      });
      await db.gateVote.create({
        data: { reviewId: review.id, role: "BUSINESS", voterId, onBehalfOfId, decision: "GO", rationale: "ok" },
      });
    };
    await vote(voted.id, decider.id);
    await vote(forMe.id, delegate.id, decider.id);
    for (const row of [voted, forMe, other])
      await updateUseCase(owner, formatKey(row.number), { version: row.version, outcome: "Changed" });

    const listed = await changedSinceLastLooked(decider);
    expect(listed.map((u) => u.title).sort()).toEqual(["Voted on", "Voted on for me"]);
    // The delegate decided on forMe too, in the decider's place.
    expect((await changedSinceLastLooked(delegate)).map((u) => u.title)).toEqual(["Voted on for me"]);
  });
});
