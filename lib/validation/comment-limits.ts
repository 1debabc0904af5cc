// The comment composer's limits, apart from the zod schema so the client can use them without loading zod.
export const COMMENT_LIMITS = { body: 5000, mentions: 50 } as const;
