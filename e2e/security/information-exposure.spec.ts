import type { Role } from "@/lib/lifecycle";
import { makeUser } from "@/prisma/seed/factories";
import { createApiToken } from "@/server/auth/api-tokens";
import { expect, test } from "../support/fixtures";

// What one role may read of what concerns others: the settings' probe allowlist names internal
// hosts and networks, which only the admin who manages it needs.
test("GET /api/v1/settings shows the probe allowlist to ADMIN only", async ({ request, prisma }) => {
  const tokenOf = async (role: Role) =>
    createApiToken(prisma, (await makeUser(prisma, { role })).email, `e2e settings ${role}`);
  const admin = await tokenOf("ADMIN");
  const get = async (token: string) => {
    const response = await request.get("/api/v1/settings", { headers: { authorization: `Bearer ${token}` } });
    expect(response.status()).toBe(200);
    return (await response.json()) as Record<string, unknown>;
  };
  expect(Array.isArray((await get(admin)).probeAllow)).toBe(true);
  for (const role of ["BUSINESS", "IT", "DATA_SCIENTIST"] as const) {
    const settings = await get(await tokenOf(role));
    expect(settings, role).not.toHaveProperty("probeAllow");
    expect(settings, role).toHaveProperty("currency");
    expect(settings, role).toHaveProperty("stageProbabilities");
  }
});
