import { describe, expect, it } from "vitest";
import { fieldErrors } from "./issues";
import { UseCaseCreateSchema, UseCaseUpdateSchema } from "./use-case";

const range = (low: string, base: string, high: string) => ({ low, base, high, currency: "EUR" });

function errorsOf(input: unknown) {
  const parsed = UseCaseCreateSchema.safeParse(input);
  return parsed.success ? {} : fieldErrors(parsed.error);
}

describe("use-case input schema", () => {
  it("accepts a title alone and fills sensible defaults", () => {
    const parsed = UseCaseCreateSchema.parse({ title: "  Churn  " });
    expect(parsed.title).toBe("Churn");
    expect(parsed.ebitda).toEqual(range("", "", ""));
    expect(parsed.benefitArea).toBeNull();
  });

  it("requires a title", () => {
    expect(errorsOf({ title: "   " }).title).toMatch(/title/i);
  });

  it("refuses a range whose low is above its high, on the fields concerned", () => {
    const errors = errorsOf({ title: "x", ebitda: range("500", "300", "100") });
    expect(errors["ebitda.low"]).toMatch(/low must not be above/i);
    expect(errors["ebitda.high"]).toMatch(/high must not be below/i);
  });

  it("refuses negative, non-numeric and over-precise amounts", () => {
    expect(errorsOf({ title: "x", ebitda: range("-1", "2", "3") })["ebitda.low"]).toMatch(/negative/);
    expect(errorsOf({ title: "x", ebitda: range("1", "abc", "3") })["ebitda.base"]).toMatch(/amount/);
    expect(errorsOf({ title: "x", ebitda: range("1", "2", "3.001") })["ebitda.high"]).toMatch(/amount/);
  });

  it("asks for the whole range or none of it", () => {
    const errors = errorsOf({ title: "x", ebitda: range("1", "", "3") });
    expect(errors["ebitda.base"]).toMatch(/together/);
  });

  it("refuses text over the limits and unknown fields", () => {
    expect(errorsOf({ title: "t".repeat(201) }).title).toMatch(/at most 200/);
    expect(errorsOf({ title: "x", stage: "PRODUCTION" })._).toMatch(/unrecognized/i);
  });

  it("makes edits carry a version", () => {
    expect(UseCaseUpdateSchema.safeParse({ title: "x" }).success).toBe(false);
    expect(UseCaseUpdateSchema.safeParse({ title: "x", version: 3 }).success).toBe(true);
  });
});
