// The gate forms' length limits, apart from the zod schemas so client forms can use them without loading zod.
export const GATE_LIMITS = { note: 4000, rationale: 4000, evidence: 10, condition: 500, conditions: 20 } as const;
