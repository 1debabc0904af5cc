// Contract cases: health and the OpenAPI document.
import type { Case } from "./kit";

export const META_CASES: Record<string, Case> = {
  getHealth: { setup: async () => ({}) },
  getOpenApiDocument: { setup: async () => ({}) },
};
