// Contract cases: services and the docker-compose import.
import { api, type Case, type Ctx, seedUseCase } from "./kit";

export const SERVICES_CASES: Record<string, Case> = {
  listServices: {
    setup: async (ctx) => {
      const uc = await seedUseCase(ctx);
      await api(ctx, "ADMIN", "POST", `/api/v1/use-cases/${uc.key}/services`, {
        name: "Grafana",
        environment: "STAGING",
        url: "http://127.0.0.1:9/grafana",
      });
      return { params: { key: uc.key } };
    },
    noForbiddenRole: "every role reads every use case",
  },
  createService: {
    setup: async (ctx) => ({
      params: { key: (await seedUseCase(ctx)).key },
      body: { name: "Scoring API", environment: "DEV", url: "http://127.0.0.1:9/score" },
    }),
  },
  importComposeServices: {
    setup: async (ctx) => ({
      params: { key: (await seedUseCase(ctx)).key },
      query: { baseUrl: "http://127.0.0.1" },
      raw: {
        data: "services:\n  grafana:\n    image: grafana/grafana:11.0.0\n    ports:\n      - '3000:3000'\n",
        contentType: "application/yaml",
      },
    }),
    // The preview only reads the use case; saving is what the roles are refused.
    forbiddenRequest: (valid) => ({ ...valid, query: { ...valid.query, save: "true" } }),
    invalid: (valid) => [
      { ...valid, query: {} },
      { ...valid, raw: { data: "services: [", contentType: "application/yaml" } },
      { ...valid, raw: { data: "just: text\n", contentType: "application/yaml" } },
      { ...valid, query: { ...valid.query, save: "true", environment: "MARS" } },
    ],
    probes: [
      {
        label: "save=true saves the proposed services",
        request: (_ctx, valid) => ({ ...valid, query: { ...valid.query, save: "true" } }),
        status: 201,
      },
    ],
  },
  updateService: {
    setup: async (ctx) => {
      const svc = await service(ctx);
      return { params: { id: svc.id }, body: { version: svc.version, note: "Edited" } };
    },
    repeat: 409,
  },
  deleteService: {
    setup: async (ctx) => ({ params: { id: (await service(ctx)).id } }),
    repeat: 404,
  },
  checkService: {
    setup: async (ctx) => ({ params: { id: (await service(ctx)).id } }),
    noForbiddenRole: "every role may probe a service",
  },
};

async function service(ctx: Ctx) {
  const uc = await seedUseCase(ctx);
  const { json } = await api(ctx, "ADMIN", "POST", `/api/v1/use-cases/${uc.key}/services`, {
    name: `Scoring ${ctx.tag}`,
    environment: "DEV",
    url: "http://127.0.0.1:9/health",
  });
  return json as { id: string; version: number };
}
