// TanStack Query keys, shared by server prefetching and client components (so not in a "use client" file).
export const portfolioQueryKey = (query: string) => ["portfolio-summary", query] as const;
