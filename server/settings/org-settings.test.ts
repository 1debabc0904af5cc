import { describe, expect, it } from "vitest";
import { makeUser } from "@/prisma/seed/factories";
import { db } from "../db";
import { DomainError } from "../errors";
import { currentProbePolicy } from "../services/check-service";
import { getOrgSettings, readOrgSettings, updateOrgSettings } from "./org-settings";

describe("organisation settings", () => {
  it("are changed by admins only, validated, audited, and feed the probe policy", async () => {
    const admin = await makeUser(db, { role: "ADMIN" });
    const it_ = await makeUser(db, { role: "IT" });
    const before = await getOrgSettings();
    const refusal = await updateOrgSettings(it_, { currency: "USD", version: before.version }).catch((e) => e);
    expect(refusal).toBeInstanceOf(DomainError);
    expect(refusal.code).toBe("FORBIDDEN");
    const invalid = await updateOrgSettings(admin, { probeAllow: ["10.0.0.0/99"], version: before.version }).catch(
      (e) => e,
    );
    expect(invalid.details.errors).toEqual([expect.objectContaining({ path: "probeAllow" })]);
    expect((await updateOrgSettings(admin, { currency: "eur", version: before.version }).catch((e) => e)).code).toBe(
      "VALIDATION",
    );
    try {
      const saved = await updateOrgSettings(admin, { probeAllow: ["grafana.internal"], version: before.version });
      expect(saved).toEqual({ ...before, probeAllow: ["grafana.internal"], version: before.version + 1 });
      expect(
        (await updateOrgSettings(admin, { stageProbabilities: [10, 20, 30], version: saved.version }).catch((e) => e))
          .code,
      ).toBe("VALIDATION");
      expect((await updateOrgSettings(admin, { stalledDays: 0, version: saved.version }).catch((e) => e)).code).toBe(
        "VALIDATION",
      );
      expect((await currentProbePolicy()).hosts.has("grafana.internal")).toBe(true);
      expect(await db.auditEvent.count({ where: { action: "settings.update", actorId: admin.id } })).toBe(1);
    } finally {
      const { version: _version, ...fields } = before;
      await updateOrgSettings(admin, { ...fields, version: (await getOrgSettings()).version });
    }
  });

  it("show the probe allowlist (internal hosts) to admins only; other roles read the rest", async () => {
    const admin = await makeUser(db, { role: "ADMIN" });
    const before = await getOrgSettings();
    try {
      await updateOrgSettings(admin, { probeAllow: ["grafana.internal", "10.20.0.0/16"], version: before.version });
      expect((await readOrgSettings(admin)).probeAllow).toEqual(["grafana.internal", "10.20.0.0/16"]);
      for (const role of ["BUSINESS", "IT", "DATA_SCIENTIST"] as const) {
        const shown = await readOrgSettings(await makeUser(db, { role }));
        expect(shown, role).not.toHaveProperty("probeAllow");
        expect(JSON.stringify(shown), role).not.toContain("internal");
        expect(shown).toMatchObject({ currency: before.currency, stalledDays: before.stalledDays });
      }
    } finally {
      const { version: _version, ...fields } = before;
      await updateOrgSettings(admin, { ...fields, version: (await getOrgSettings()).version });
    }
  });
});
