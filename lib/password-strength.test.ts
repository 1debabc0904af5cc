import { describe, expect, it } from "vitest";
import { checkPasswordStrength } from "./password-strength";

const ada = { email: "ada.lovelace@example.com", name: "Ada Lovelace" };

describe("password strength", () => {
  it("wants at least 12 characters", () => {
    expect(checkPasswordStrength("Xq7#vL9!", ada).problem).toBe("Use at least 12 characters.");
  });

  it("refuses the passwords of the common list, whatever their case", () => {
    for (const common of ["qwerty123456", "1q2w3e4r5t6y", "LeaveMeAlone"])
      expect(checkPasswordStrength(common, ada).problem).toMatch(/list of common passwords/);
  });

  it("refuses a password containing the user's email or name", () => {
    expect(checkPasswordStrength("ada.lovelace@example.com!", ada).problem).toMatch(/email address or your name/);
    expect(checkPasswordStrength("zebra-Lovelace-harbour-71", ada).problem).toMatch(/email address or your name/);
  });

  it("refuses a long but guessable password (score under 3)", () => {
    const verdict = checkPasswordStrength("aaaaaaaaaaaaaaaa", ada);
    expect(verdict.problem).toMatch(/too easy to guess/);
    expect(verdict.score).toBeLessThan(3);
    expect(checkPasswordStrength("passwordpassword", ada).problem).not.toBeNull();
  });

  it("accepts a few unrelated words, and a long random string", () => {
    expect(checkPasswordStrength("correct-walrus-tangerine-57", ada)).toEqual({ score: 4, problem: null });
    expect(checkPasswordStrength("q8Vd2LmX9pTw4zRa", ada).problem).toBeNull();
  });
});
