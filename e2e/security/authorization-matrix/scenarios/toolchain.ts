// Scenarios of the ML toolchain: registries, model links, the code repository, deployment approval.
import {
  countModelLinks,
  linkModelInput,
  plainRead,
  readUseCase,
  type Scenario,
  seedModelLink,
  seedRegistry,
  seedRepositoryCase,
  seedUseCase,
} from "./kit";

export const TOOLCHAIN_SCENARIOS: Record<string, Scenario> = {
  // The ML toolchain
  "GET /api/v1/registries": plainRead,
  "POST /api/v1/registries": async (cell) => ({
    body: { name: `Matrix ${cell.marker}`, baseUrl: "http://127.0.0.1:9" },
    snapshot: () => cell.prisma.registryConnection.count({ where: { name: `Matrix ${cell.marker}` } }),
  }),
  "DELETE /api/v1/registries/[id]": async (cell) => {
    const { registry, snapshot } = await seedRegistry(cell);
    return { params: { id: registry.id }, snapshot };
  },
  "GET /api/v1/use-cases/[key]/models": readUseCase,
  "POST /api/v1/use-cases/[key]/models": async (cell) => {
    const { useCase, key } = await seedUseCase(cell);
    return {
      params: { key },
      body: await linkModelInput(cell),
      snapshot: () => countModelLinks(cell.prisma, useCase.id),
    };
  },
  "DELETE /api/v1/use-cases/[key]/models/[id]": async (cell) => {
    const { key, link, snapshot } = await seedModelLink(cell);
    return { params: { key, id: link.id }, snapshot };
  },
  "POST /api/v1/use-cases/[key]/models/sync": async (cell) => {
    const { key, snapshot } = await seedModelLink(cell);
    return { params: { key }, snapshot: async () => ((await snapshot()) ? "linked" : "gone") };
  },
  "GET /api/v1/use-cases/[key]/repository": readUseCase,
  "PUT /api/v1/use-cases/[key]/repository": async (cell) => {
    const { key, snapshot } = await seedRepositoryCase(cell);
    return { params: { key }, body: { url: "https://git.example.com/team/matrix" }, snapshot };
  },
  "GET /api/v1/use-cases/[key]/deployment-approval": async (cell) => ({
    params: { key: (await seedUseCase(cell)).key },
    query: "environment=production&modelVersion=7",
  }),
  "server/actions/registry.ts#createRegistryAction": async (cell) => ({
    args: [{ name: `Matrix ${cell.marker}`, baseUrl: "http://127.0.0.1:9" }],
    snapshot: () => cell.prisma.registryConnection.count({ where: { name: `Matrix ${cell.marker}` } }),
  }),
  "server/actions/registry.ts#deleteRegistryAction": async (cell) => {
    const { registry, snapshot } = await seedRegistry(cell);
    return { args: [registry.id], snapshot };
  },
  "server/actions/registry.ts#linkModelAction": async (cell) => {
    const { useCase, key } = await seedUseCase(cell);
    return {
      params: { key },
      args: [key, await linkModelInput(cell)],
      snapshot: () => countModelLinks(cell.prisma, useCase.id),
    };
  },
  "server/actions/registry.ts#syncModelsAction": async (cell) => {
    const { key } = await seedModelLink(cell);
    return { params: { key }, args: [key] };
  },
  "server/actions/registry.ts#setRepositoryAction": async (cell) => {
    const { key, snapshot } = await seedRepositoryCase(cell);
    return { params: { key }, args: [key, { url: "https://git.example.com/team/matrix" }], snapshot };
  },
};
