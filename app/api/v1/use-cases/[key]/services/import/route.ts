import { ENVIRONMENTS } from "@/lib/services";
import { DomainError } from "@/server/errors";
import { apiRoute, json, readText } from "@/server/http/api-route";
import { otherMethods } from "@/server/http/other-methods";
import { readCompose } from "@/server/services/compose-import";
import { authorizeComposeImport, saveServices } from "@/server/services/services";

export const dynamic = "force-dynamic";

/**
 * A docker-compose YAML body -> the proposed services (a preview). With `save=true`, the
 * proposed ones are saved in `environment` (default DEV), all or none.
 */
export const POST = apiRoute<{ key: string }>(async ({ request, actor, params }) => {
  await authorizeComposeImport(actor, params.key); // 404 / 403 before reading the body
  const search = new URL(request.url).searchParams;
  const services = readCompose(await readText(request), search.get("baseUrl"));
  if (search.get("save") !== "true") return json({ services });
  const environment = search.get("environment") ?? "DEV";
  if (!(ENVIRONMENTS as readonly string[]).includes(environment))
    throw new DomainError("VALIDATION", "Some fields need attention.", {
      errors: [{ path: "environment", message: "Choose DEV, STAGING or PRODUCTION." }],
    });
  const proposed = services.filter((s) => s.proposed && s.url);
  const saved = await saveServices(actor, params.key, {
    services: proposed.map((s) => ({ name: s.name, kind: s.kind, environment, url: s.url })),
  });
  return json({ services, saved }, 201);
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ POST });
