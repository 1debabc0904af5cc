import { describe, expect, it } from "vitest";
import { makeUser } from "@/prisma/seed/factories";
import { db } from "../db";

describe("the audit trail in PostgreSQL", () => {
  it("refuses UPDATE, DELETE and TRUNCATE as the app's own database user, and keeps the event", async () => {
    const user = await makeUser(db, { role: "ADMIN" });
    const event = await db.auditEvent.create({
      data: { actorId: user.id, action: "test.append-only", entity: "Test", entityId: user.id, after: { a: 1 } },
    });
    const refused = /The audit trail is append-only: (UPDATE|DELETE|TRUNCATE)/;
    await expect(db.auditEvent.update({ where: { id: event.id }, data: { action: "rewritten" } })).rejects.toThrow(
      refused,
    );
    await expect(db.$executeRaw`UPDATE "AuditEvent" SET "actorId" = NULL WHERE id = ${event.id}`).rejects.toThrow(
      refused,
    );
    await expect(db.auditEvent.delete({ where: { id: event.id } })).rejects.toThrow(refused);
    await expect(db.$executeRaw`DELETE FROM "AuditEvent" WHERE id = ${event.id}`).rejects.toThrow(refused);
    await expect(db.$executeRaw`TRUNCATE "AuditEvent"`).rejects.toThrow(refused);
    expect(await db.auditEvent.findUniqueOrThrow({ where: { id: event.id } })).toMatchObject({
      action: "test.append-only",
      actorId: user.id,
    });
  });
});
