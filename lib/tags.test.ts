import { describe, expect, it } from "vitest";
import { normaliseTag, normaliseTags, splitTags, TAG_MAX_LENGTH, TAGS_MAX, TagFilterSchema, TagsSchema } from "./tags";
import { fieldErrors } from "./validation/issues";
import { UseCaseUpdateSchema } from "./validation/use-case";

describe("tags", () => {
  it("are trimmed, lower case, with each run of inner spaces as one dash", () => {
    expect(normaliseTag("  Customer   Churn ")).toBe("customer-churn");
    expect(normaliseTag("GenAI\tPilot")).toBe("genai-pilot");
    expect(normaliseTag("Ärger")).toBe("ärger");
  });

  it("are stored each once, sorted", () => {
    expect(TagsSchema.parse(["Retail", "retail ", "b2b", "Customer Churn"])).toEqual([
      "b2b",
      "customer-churn",
      "retail",
    ]);
    expect(normaliseTags([])).toEqual([]);
  });

  it("refuse empty, too long and odd tags, naming the position", () => {
    const errors = (tags: unknown) => {
      const parsed = UseCaseUpdateSchema.safeParse({ version: 1, tags });
      return parsed.success ? {} : fieldErrors(parsed.error);
    };
    expect(errors(["ok", "  "])["tags.1"]).toMatch(/cannot be empty/);
    expect(errors(["x".repeat(TAG_MAX_LENGTH + 1)])["tags.0"]).toMatch(new RegExp(`at most ${TAG_MAX_LENGTH}`));
    expect(errors(["x".repeat(TAG_MAX_LENGTH)])).toEqual({});
    expect(errors(["a,b"])["tags.0"]).toMatch(/not a tag/);
    expect(errors(["=cmd"])["tags.0"]).toMatch(/starting with a letter or digit/);
    expect(errors("churn").tags).toMatch(/list/);
    expect(errors([3])["tags.0"]).toMatch(/text/);
  });

  it(`allow at most ${TAGS_MAX} distinct tags`, () => {
    const many = Array.from({ length: TAGS_MAX + 1 }, (_, i) => `t${i}`);
    expect(TagsSchema.safeParse(many.slice(0, TAGS_MAX)).success).toBe(true);
    const parsed = TagsSchema.safeParse(many);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toMatch(`At most ${TAGS_MAX}`);
    // Duplicates count once.
    expect(TagsSchema.safeParse([...many.slice(0, TAGS_MAX), "T0"]).success).toBe(true);
  });

  it("as a filter: comma-separated, normalised, checked", () => {
    expect(splitTags("Churn, retail ;; B2B")).toEqual(["churn", "retail", "b2b"]);
    expect(TagFilterSchema.parse("Churn,Customer Churn,churn")).toBe("churn,customer-churn");
    expect(TagFilterSchema.safeParse("ok,=bad").success).toBe(false);
  });
});
