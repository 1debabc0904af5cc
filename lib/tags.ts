// Use-case tags: free-form labels, stored normalised so "Customer Churn", " customer  churn "
// and "CUSTOMER-CHURN" are one tag. Shared by the form (autocomplete), the server, the import
// and the filters.
import { z } from "zod";

import { normaliseTag, normaliseTags, splitTags, TAG_MAX_LENGTH, TAGS_MAX, tagProblem } from "./tag-text";

export { normaliseTag, normaliseTags, splitTags, TAG_MAX_LENGTH, TAGS_MAX, tagProblem };

/**
 * A list of tags as input: each one normalised and checked (the error names its position),
 * at most TAGS_MAX distinct ones; the output is the stored form (normaliseTags).
 */
export const TagsSchema = z
  .array(
    z.string({ error: "A tag must be text." }).max(200, { error: `A tag has at most ${TAG_MAX_LENGTH} characters.` }),
    {
      error: "Tags must be a list of texts.",
    },
  )
  .max(100, { error: `At most ${TAGS_MAX} tags.` })
  .superRefine((tags, ctx) => {
    tags.forEach((raw, index) => {
      const problem = tagProblem(normaliseTag(raw));
      if (problem) ctx.addIssue({ code: "custom", path: [index], message: problem });
    });
    if (normaliseTags(tags).length > TAGS_MAX)
      ctx.addIssue({ code: "custom", path: [], message: `At most ${TAGS_MAX} tags per use case.` });
  })
  .transform(normaliseTags);

/**
 * Tags as a filter: "a,b" (the API's repeated `?tag=a&tag=b` arrive joined so, lib/query-params.ts),
 * normalised to the same comma-joined text; a use case matches when it has every one.
 */
export const TagFilterSchema = z
  .string()
  .max(1000, { error: "Too many tags to filter by." })
  .transform((text) => splitTags(text))
  .superRefine((tags, ctx) => {
    const problem = tags.map(tagProblem).find((p) => p !== null);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
    else if (new Set(tags).size > TAGS_MAX)
      ctx.addIssue({ code: "custom", message: `Filter by at most ${TAGS_MAX} tags.` });
  })
  .transform((tags) => [...new Set(tags)].join(","));

/** The tags of a filter text ("a,b"). */
export const filterTags = (text: string | undefined): string[] => (text ? [...new Set(splitTags(text))] : []);
