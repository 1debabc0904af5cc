import { describe, expect, it } from "vitest";
import { httpUrl, isHttpUrlWithoutCredentials } from "./http-url";

describe("the http(s) address rule", () => {
  it("takes full http(s) URLs and refuses other schemes, credentials and fragments of URLs", () => {
    expect(isHttpUrlWithoutCredentials("https://grafana.example.com/d/churn")).toBe(true);
    expect(isHttpUrlWithoutCredentials("http://10.0.0.5:8080")).toBe(true);
    expect(isHttpUrlWithoutCredentials("ftp://files.example.com")).toBe(false);
    expect(isHttpUrlWithoutCredentials("https://user:secret@example.com")).toBe(false);
    expect(isHttpUrlWithoutCredentials("https://user@example.com")).toBe(false);
    expect(isHttpUrlWithoutCredentials("example.com/path")).toBe(false);
  });

  it("names the field and the example in its messages, and trims", () => {
    const schema = httpUrl("The address", "https://hooks.example.com/x", "Give the address.");
    expect(schema.parse("  https://a.example.com  ")).toBe("https://a.example.com");
    expect(schema.safeParse("").error?.issues[0]?.message).toBe("Give the address.");
    expect(
      httpUrl("The address", "https://hooks.example.com/x").safeParse("javascript:alert(1)").error?.issues,
    ).toEqual([
      expect.objectContaining({
        message: "The address must be a full http(s) URL without credentials, like https://hooks.example.com/x.",
      }),
    ]);
  });
});
