// Stands in for `server-only` under Vitest (it throws outside a React Server bundle).
export {};
