import { describe, expect, it } from "vitest";
import { formatKey } from "@/lib/lifecycle";
import { makeUseCase, makeUser } from "@/prisma/seed/factories";
import { db } from "../db";
import { DomainError } from "../errors";
import { listNotifications } from "../notifications/list-notifications";
import { createComment } from "./create-comment";
import { listComments, listReviewThreads } from "./list-comments";
import { mentionCandidates } from "./mention-candidates";

async function failure(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (e) => e,
  );
  if (!(error instanceof DomainError)) throw new Error(`expected a DomainError, got ${error}`);
  return error;
}

let people = 0;
/** A name no other test user has, so body matching and prefix searches are unambiguous. */
const uniqueName = (first: string) => `${first} Zq${Date.now().toString(36)}${(people++).toString(36)}`;

async function setup() {
  const owner = await makeUser(db, { role: "DATA_SCIENTIST", name: uniqueName("Olga") });
  const row = await makeUseCase(db, { ownerId: owner.id, title: "Churn radar" });
  const review = await db.gateReview.create({
    data: { useCaseId: row.id, fromStage: "POC", toStage: "PROTOTYPE", requestedById: owner.id },
  });
  return { owner, row, key: formatKey(row.number), review };
}

/** What `author` has written (comments, their audit events, mention notifications): a refused request adds nothing. */
async function writtenBy(author: { id: string; name: string }) {
  const [comments, events, notifications] = await Promise.all([
    db.comment.count({ where: { authorId: author.id } }),
    db.auditEvent.count({ where: { action: "comment.create", actorId: author.id } }),
    db.notification.count({ where: { kind: "MENTION", title: { startsWith: `${author.name} ` } } }),
  ]);
  return { comments, events, notifications };
}

describe("comments against PostgreSQL", () => {
  it("creates comments in the use case's thread and a review's, listed apart, oldest first, with an audit event each", async () => {
    const { owner, key, review } = await setup();
    const it_ = await makeUser(db, { role: "IT", name: uniqueName("Ivan") });
    const first = await createComment(owner, key, { body: "  Is the scoring job ready?  " });
    const second = await createComment(it_, key, { body: "Yes.\nSee https://ci.example.com/job/42" });
    const onReview = await createComment(it_, key, { body: "Fine for G1.", gateReviewId: review.id });

    expect(first).toMatchObject({
      useCaseKey: key,
      gateReviewId: null,
      author: { id: owner.id, name: owner.name },
      body: "Is the scoring job ready?",
      mentions: [],
    });
    expect(Date.parse(first.createdAt)).not.toBeNaN();
    expect((await listComments(owner, key)).map((c) => c.id)).toEqual([first.id, second.id]);
    expect((await listComments(owner, key, { gateReviewId: review.id })).map((c) => c.id)).toEqual([onReview.id]);
    expect(Object.keys(await listReviewThreads(owner, key))).toEqual([review.id]);

    for (const comment of [first, second, onReview]) {
      const events = await db.auditEvent.findMany({ where: { action: "comment.create", entityId: comment.id } });
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ entity: "Comment", after: { body: comment.body } });
    }
  });

  it("notifies a mentioned active user exactly once, never the author, a deactivated user or someone not named", async () => {
    const { owner, key, row } = await setup();
    const ada = await makeUser(db, { role: "BUSINESS", name: uniqueName("Ada") });
    const gone = await makeUser(db, { role: "IT", name: uniqueName("Gus"), active: false });
    const absent = await makeUser(db, { role: "IT", name: uniqueName("Abe") });
    const comment = await createComment(owner, key, {
      body: `@${ada.name} and @${ada.name} again, @${gone.name}, and me @${owner.name}: can we ship?`,
      mentions: [ada.id, ada.id, gone.id, absent.id, owner.id, "no-such-user"],
    });

    expect(comment.mentions).toEqual([{ id: ada.id, name: ada.name }]);
    expect((await db.comment.findUniqueOrThrow({ where: { id: comment.id } })).mentions).toEqual([ada.id]);
    const mentionsOf = async (userId: string) =>
      db.notification.findMany({ where: { userId, kind: "MENTION", href: { contains: comment.id } } });
    expect(await mentionsOf(ada.id)).toEqual([
      expect.objectContaining({
        title: `${owner.name} mentioned you on ${key} “${row.title}”`,
        href: `/use-cases/${key}#comment-${comment.id}`,
      }),
    ]);
    for (const other of [owner, gone, absent]) expect(await mentionsOf(other.id)).toHaveLength(0);
    expect(
      (await listNotifications(ada)).filter((n) => n.kind === "MENTION" && n.href.includes(comment.id)),
    ).toHaveLength(1);
    expect((await listComments(ada, key)).find((c) => c.id === comment.id)?.mentions).toEqual([
      { id: ada.id, name: ada.name },
    ]);
  });

  it("refuses a gate review of another use case as NOT_FOUND and writes nothing", async () => {
    const { owner, key } = await setup();
    const other = await setup();
    const ada = await makeUser(db, { role: "BUSINESS", name: uniqueName("Ada") });
    const error = await failure(
      createComment(owner, key, { body: `@${ada.name} look`, mentions: [ada.id], gateReviewId: other.review.id }),
    );
    expect(error.code).toBe("NOT_FOUND");
    expect((await failure(listComments(owner, key, { gateReviewId: other.review.id }))).code).toBe("NOT_FOUND");
    expect((await failure(createComment(owner, "UC-999999999", { body: "Hello" }))).code).toBe("NOT_FOUND");
    expect(await writtenBy(owner)).toEqual({ comments: 0, events: 0, notifications: 0 });
  });

  it("refuses an empty, a too long and an unknown-field comment with the path, writing nothing", async () => {
    const { owner, key } = await setup();
    const issues = async (input: unknown) => {
      const error = await failure(createComment(owner, key, input));
      expect(error.code).toBe("VALIDATION");
      return error.details.errors ?? [];
    };
    expect(await issues({ body: "   \n " })).toEqual([{ path: "body", message: "Write a comment first." }]);
    expect(await issues({ body: "x".repeat(5001) })).toEqual([
      { path: "body", message: "A comment must be at most 5000 characters." },
    ]);
    const unknown = await issues({ body: "Hello", author: "someone-else" });
    expect(unknown).toHaveLength(1);
    expect(unknown[0]?.path).toBe("");
    expect(unknown[0]?.message).toMatch(/author/);
    expect(await issues({ body: "Hello", mentions: "everyone" })).toEqual([
      { path: "mentions", message: "Mentions must be a list of user ids." },
    ]);
    expect(await writtenBy(owner)).toEqual({ comments: 0, events: 0, notifications: 0 });
    // 5000 characters after trimming is fine.
    expect((await createComment(owner, key, { body: ` ${"x".repeat(5000)} ` })).body).toHaveLength(5000);
  });

  it("stores markup verbatim: escaping is the renderer's job", async () => {
    const { owner, key } = await setup();
    const body = `<img src=x onerror=alert(1)> <script>alert("x")</script> & "quotes"`;
    const comment = await createComment(owner, key, { body });
    expect(comment.body).toBe(body);
    expect((await db.comment.findUniqueOrThrow({ where: { id: comment.id } })).body).toBe(body);
  });

  it("offers at most 8 active users by name or surname, without the asker", async () => {
    const tag = `Mq${Date.now().toString(36)}`;
    const asker = await makeUser(db, { role: "BUSINESS", name: `${tag} Asker` });
    const grace = await makeUser(db, { role: "IT", name: `${tag} Grace`, email: `${tag}.grace@test.roadbook` });
    await makeUser(db, { role: "IT", name: `${tag} Hidden`, active: false });
    for (let i = 0; i < 9; i++) await makeUser(db, { role: "DATA_SCIENTIST", name: `${tag} Member ${i}` });
    const underscore = await makeUser(db, { role: "IT", name: `${tag}_underscore` });

    const byPrefix = await mentionCandidates(asker, { q: tag.toLowerCase() });
    expect(byPrefix).toHaveLength(8);
    expect(byPrefix.map((p) => p.name)).not.toContain(`${tag} Asker`);
    expect(byPrefix.map((p) => p.name)).not.toContain(`${tag} Hidden`);
    expect(await mentionCandidates(asker, { q: `${tag} gr` })).toEqual([
      { id: grace.id, name: grace.name, role: "IT" },
    ]);
    // LIKE wildcards match literally.
    for (const q of ["%", "_", `${tag}%`, "\\"]) expect(await mentionCandidates(asker, { q }), q).toEqual([]);
    expect((await mentionCandidates(asker, { q: `${tag}_` })).map((p) => p.id)).toEqual([underscore.id]);
    expect((await failure(mentionCandidates(asker, { q: " " }))).code).toBe("VALIDATION");
  });

  it("finds people by email prefix for an admin only: other roles cannot list the emails letter by letter", async () => {
    const tag = `mq${Date.now().toString(36)}`;
    const hidden = await makeUser(db, { role: "IT", name: "Quentin Zephyr", email: `${tag}.secret@test.roadbook` });
    for (const role of ["BUSINESS", "IT", "DATA_SCIENTIST"] as const) {
      const asker = await makeUser(db, { role });
      for (const q of [tag, `${tag}.s`, `${tag}.secret@test.roadbook`])
        expect(await mentionCandidates(asker, { q }), `${role} ${q}`).toEqual([]);
      // The name still finds them.
      expect((await mentionCandidates(asker, { q: "zephyr" })).map((p) => p.id)).toContain(hidden.id);
    }
    const admin = await makeUser(db, { role: "ADMIN" });
    expect((await mentionCandidates(admin, { q: `${tag}.SE` })).map((p) => p.id)).toEqual([hidden.id]);
  });
});
