import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkServerEnv, ENV_NAMES, ENV_SCHEMA, type EnvName, parseServerEnv, readEnv } from "./env";

const SERVER = { DATABASE_URL: "postgresql://app:pw@localhost:5432/roadbook", NEXTAUTH_SECRET: "s".repeat(32) };

/** The one-line message of a configuration that fails. */
function failure(source: Record<string, string>): string {
  try {
    parseServerEnv({ ...SERVER, ...source });
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error(`accepted ${JSON.stringify(source)}`);
}

describe("the configuration schema", () => {
  it("gives every variable its default, with nothing set but the server's database and secret", () => {
    const e = parseServerEnv(SERVER);
    const defaults = {
      PORT: 3000,
      ROADBOOK_DATA_DIR: ".data",
      ROADBOOK_TRUSTED_PROXY_HOPS: 0,
      ROADBOOK_PROBE_INTERVAL_MINUTES: 5,
      ROADBOOK_PROBE_CONCURRENCY: 4,
      ROADBOOK_DB_POOL_SIZE: 10,
      ROADBOOK_API_RATE_LIMIT: 600,
      ROADBOOK_WEBHOOK_INTERVAL_SECONDS: 15,
      ROADBOOK_OIDC_NAME: "Single sign-on",
      ROADBOOK_OIDC_SCOPES: "openid email profile",
      ROADBOOK_OIDC_ROLES_CLAIM: "groups",
      ROADBOOK_OIDC_DEFAULT_ROLE: null,
      ROADBOOK_OIDC_TRUST_EMAIL: false,
      ROADBOOK_OIDC_ALLOWED_DOMAINS: [],
      ROADBOOK_OIDC_GRAPH_URL: "https://graph.microsoft.com",
      ROADBOOK_PASSWORD_LOGIN: true,
      ROADBOOK_MAIL_BATCH_MINUTES: 5,
      ROADBOOK_S3_REGION: "us-east-1",
      ROADBOOK_S3_FORCE_PATH_STYLE: false,
    };
    expect(e).toMatchObject(defaults);
    expect(e.ROADBOOK_OIDC_ROLE_MAP.size).toBe(0);
    const unset = [
      "ROADBOOK_MIGRATE_DATABASE_URL",
      "NEXTAUTH_URL",
      "ROADBOOK_SEED_DEMO",
      "ROADBOOK_SETUP_CODE_FILE",
      "ROADBOOK_VERBOSE",
      "ROADBOOK_PROBE_ALLOW",
      "ROADBOOK_METRICS_TOKEN",
      "ROADBOOK_OIDC_ISSUER",
      "ROADBOOK_OIDC_CLIENT_ID",
      "ROADBOOK_OIDC_CLIENT_SECRET",
      "ROADBOOK_SMTP_URL",
      "ROADBOOK_MAIL_FROM",
      "ROADBOOK_PUBLIC_URL",
      "ROADBOOK_S3_BUCKET",
      "ROADBOOK_S3_ENDPOINT",
      "ROADBOOK_S3_ACCESS_KEY_ID",
      "ROADBOOK_S3_SECRET_ACCESS_KEY",
    ] as const;
    for (const name of unset) expect(e[name], name).toBeUndefined();
    // Every variable is covered above, and described.
    const covered = [...Object.keys(defaults), ...unset, "ROADBOOK_OIDC_ROLE_MAP", ...Object.keys(SERVER)];
    expect(covered.sort()).toEqual([...ENV_NAMES].sort());
    for (const name of ENV_NAMES) expect(ENV_SCHEMA.shape[name].description, name).toBeTruthy();
  });

  it("reads set values, and takes an empty one as unset", () => {
    const e = parseServerEnv({
      ...SERVER,
      ROADBOOK_API_RATE_LIMIT: "0",
      ROADBOOK_WEBHOOK_INTERVAL_SECONDS: "2.5",
      ROADBOOK_PROBE_INTERVAL_MINUTES: " 0 ",
      ROADBOOK_TRUSTED_PROXY_HOPS: "",
      ROADBOOK_OIDC_SCOPES: "email groups",
      ROADBOOK_OIDC_DEFAULT_ROLE: "business",
      ROADBOOK_OIDC_ROLE_MAP: "admins=ADMIN",
    });
    expect(e).toMatchObject({
      ROADBOOK_API_RATE_LIMIT: 0,
      ROADBOOK_WEBHOOK_INTERVAL_SECONDS: 2.5,
      ROADBOOK_PROBE_INTERVAL_MINUTES: 0,
      ROADBOOK_TRUSTED_PROXY_HOPS: 0,
      ROADBOOK_OIDC_SCOPES: "openid email groups",
      ROADBOOK_OIDC_DEFAULT_ROLE: "BUSINESS",
    });
    expect([...e.ROADBOOK_OIDC_ROLE_MAP]).toEqual([["admins", "ADMIN"]]);
  });

  it("refuses a bad value of each kind in one line naming the variable, its value and the form expected", () => {
    const cases: [Record<string, string>, string][] = [
      [
        { ROADBOOK_PROBE_INTERVAL_MINUTES: "nonsense" },
        'ROADBOOK_PROBE_INTERVAL_MINUTES="nonsense" is invalid; expected a whole number of minutes from 0 to 1440',
      ],
      [{ ROADBOOK_PROBE_INTERVAL_MINUTES: "1441" }, 'ROADBOOK_PROBE_INTERVAL_MINUTES="1441" is invalid'],
      [{ ROADBOOK_PROBE_CONCURRENCY: "0" }, 'ROADBOOK_PROBE_CONCURRENCY="0" is invalid; expected a whole number'],
      [{ ROADBOOK_TRUSTED_PROXY_HOPS: "-1" }, 'ROADBOOK_TRUSTED_PROXY_HOPS="-1" is invalid'],
      [{ ROADBOOK_TRUSTED_PROXY_HOPS: "1.5" }, 'ROADBOOK_TRUSTED_PROXY_HOPS="1.5" is invalid'],
      [{ ROADBOOK_API_RATE_LIMIT: "lots" }, 'ROADBOOK_API_RATE_LIMIT="lots" is invalid; expected a number'],
      [{ ROADBOOK_WEBHOOK_INTERVAL_SECONDS: "1e3" }, 'ROADBOOK_WEBHOOK_INTERVAL_SECONDS="1e3" is invalid'],
      [{ PORT: "http" }, 'PORT="http" is invalid; expected a port number from 1 to 65535'],
      [{ ROADBOOK_SEED_DEMO: "yes" }, 'ROADBOOK_SEED_DEMO="yes" is invalid; expected 1 or 0'],
      [{ ROADBOOK_PASSWORD_LOGIN: "maybe" }, 'ROADBOOK_PASSWORD_LOGIN="maybe" is invalid; expected on or off'],
      [{ NEXTAUTH_URL: "localhost:3000" }, 'NEXTAUTH_URL="localhost:3000" is invalid; expected the app\'s http(s) URL'],
      [{ ROADBOOK_OIDC_DEFAULT_ROLE: "root" }, 'ROADBOOK_OIDC_DEFAULT_ROLE="root" is invalid; expected none or one of'],
      [
        { ROADBOOK_OIDC_ROLE_MAP: "admins=ROOT" },
        'ROADBOOK_OIDC_ROLE_MAP="admins=ROOT" is invalid (ROADBOOK_OIDC_ROLE_MAP: "admins=ROOT" must map a group',
      ],
      [
        { ROADBOOK_OIDC_ALLOWED_DOMAINS: "example.com, bad domain" },
        '"bad domain" is not a domain or a tenant id.); expected email domains',
      ],
      [
        { ROADBOOK_OIDC_ISSUER: "https://login.example.com" },
        "ROADBOOK_OIDC_CLIENT_ID is not set; expected the client id (required with ROADBOOK_OIDC_ISSUER).",
      ],
      [
        { ROADBOOK_SMTP_URL: "smtp://h:25" },
        "ROADBOOK_MAIL_FROM is not set; expected the sender, e.g. Roadbook <roadbook@example.com> (required with ROADBOOK_SMTP_URL). ROADBOOK_PUBLIC_URL is not set;",
      ],
      [{ ROADBOOK_S3_BUCKET: "My_Bucket" }, 'ROADBOOK_S3_BUCKET="My_Bucket" is invalid; expected an S3 bucket name'],
      [{ ROADBOOK_S3_ENDPOINT: "minio:9000" }, 'ROADBOOK_S3_ENDPOINT="minio:9000" is invalid'],
      [
        { ROADBOOK_S3_ACCESS_KEY_ID: "AKIA1" },
        "ROADBOOK_S3_SECRET_ACCESS_KEY is not set; expected the secret access key (required with ROADBOOK_S3_ACCESS_KEY_ID).",
      ],
    ];
    for (const [source, expected] of cases) {
      const message = failure(source);
      expect(message, JSON.stringify(source)).toContain(expected);
      expect(message).toMatch(/^Configuration error: /);
      expect(message).not.toContain("\n");
    }
  });

  it("requires the server's database URL and secret, and never shows a secret's value", () => {
    expect(() => parseServerEnv({})).toThrow(
      "Configuration error: DATABASE_URL is not set; expected a postgresql:// URL. NEXTAUTH_SECRET is not set; expected at least 32 random characters",
    );
    expect(readEnv({}).DATABASE_URL).toBeUndefined();
    const secrets: [EnvName, string][] = [
      ["NEXTAUTH_SECRET", "short-secret-value"],
      ["DATABASE_URL", "mysql://root:hunter2@db/x"],
      ["ROADBOOK_MIGRATE_DATABASE_URL", "mysql://owner:hunter2@db/x"],
      ["ROADBOOK_SMTP_URL", "http://user:hunter2@mail"],
    ];
    for (const [name, value] of secrets) {
      const message = failure({ [name]: value });
      expect(message).toContain(`${name} is invalid (value not shown); expected`);
      expect(message).not.toContain(value);
      expect(message).not.toContain("hunter2");
    }
    const message = failure({
      ROADBOOK_OIDC_ISSUER: "https://login.example.com",
      ROADBOOK_OIDC_CLIENT_SECRET: "oidc-hunter2",
      ROADBOOK_METRICS_TOKEN: "metrics-hunter2",
    });
    expect(message).toContain("ROADBOOK_OIDC_CLIENT_ID is not set");
    expect(message).not.toContain("hunter2");
  });
});

describe("the start check (instrumentation.ts)", () => {
  it("passes on a good configuration, and stops the start with the one line on a bad one", () => {
    const saved = process.env.ROADBOOK_WEBHOOK_INTERVAL_SECONDS;
    const errors: string[] = [];
    const log = console.error;
    console.error = (...args: unknown[]) => void errors.push(args.join(" "));
    const exit = (code: number): never => {
      throw new Error(`exit ${code}`);
    };
    try {
      checkServerEnv(exit);
      expect(errors).toEqual([]);
      process.env.ROADBOOK_WEBHOOK_INTERVAL_SECONDS = "soon";
      expect(() => checkServerEnv(exit)).toThrow("exit 1");
      expect(errors).toEqual([
        'roadbook: Configuration error: ROADBOOK_WEBHOOK_INTERVAL_SECONDS="soon" is invalid; expected a number of seconds, 0 or more (0: no delivery rounds).',
      ]);
    } finally {
      console.error = log;
      if (saved === undefined) delete process.env.ROADBOOK_WEBHOOK_INTERVAL_SECONDS;
      else process.env.ROADBOOK_WEBHOOK_INTERVAL_SECONDS = saved;
    }
    checkServerEnv(exit);
  });
});

/** A Markdown table's rows after `heading`: the variables (backticked names) of its first cell, and its second cell. */
function configurationTable(file: string, heading: string): { names: string[]; fallback: string }[] {
  const text = readFileSync(file, "utf8");
  const start = text.indexOf(`\n${heading}\n`);
  if (start < 0) throw new Error(`${file}: no ${heading}`);
  const lines = text.slice(start).split("\n");
  const first = lines.findIndex((line) => line.startsWith("|"));
  const rows: { names: string[]; fallback: string }[] = [];
  for (const line of lines.slice(first + 2)) {
    if (!line.startsWith("|")) break;
    const [variable = "", fallback = ""] = line
      .split("|")
      .slice(1, 3)
      .map((cell) => cell.trim());
    rows.push({ names: [...variable.matchAll(/`([A-Z0-9_]+)`/g)].map((match) => match[1] ?? ""), fallback });
  }
  return rows;
}

/** Variables whose default is made outside the schema (npm start, or another variable), as the tables state it. */
const DERIVED: Partial<Record<EnvName, string>> = {
  NEXTAUTH_SECRET: "generated",
  NEXTAUTH_URL: "`http://localhost:$PORT`",
  ROADBOOK_SEED_DEMO: "`1` embedded, `0` with `DATABASE_URL`",
  ROADBOOK_MIGRATE_DATABASE_URL: "`DATABASE_URL`",
  ROADBOOK_PUBLIC_URL: "`NEXTAUTH_URL`",
};

/** How a table states the schema's default of `name`. */
function statedDefault(name: EnvName): string {
  const derived = DERIVED[name];
  if (derived) return derived;
  const value: unknown = ENV_SCHEMA.shape[name].parse(undefined);
  if (value === undefined || (value instanceof Map && value.size === 0) || (Array.isArray(value) && !value.length))
    return "unset";
  if (typeof value === "boolean") return value ? "`on`" : "`off`";
  return `\`${value ?? "none"}\``;
}

describe("the documented configuration", () => {
  it("docs/configuration.md's table lists exactly the schema's variables, each with the schema's default", () => {
    const rows = configurationTable("docs/configuration.md", "## Variables the app reads");
    const listed = rows.flatMap((row) => row.names);
    expect([...listed].sort()).toEqual([...ENV_NAMES].sort());
    for (const row of rows)
      for (const name of row.names) expect(row.fallback, name).toBe(statedDefault(name as EnvName));
  });

  it("docs/configuration.md's table of Node.js, Next.js and the build lists only variables the app itself does not read", () => {
    const nextJs = [
      "HOSTNAME",
      "NEXT_SERVER_ACTIONS_ENCRYPTION_KEY",
      "NODE_OPTIONS",
      "ROADBOOK_BUILD_SKIP_TYPECHECK",
      "ROADBOOK_STANDALONE",
    ];
    const names = configurationTable("docs/configuration.md", "## Read by Node.js, Next.js and the build").flatMap(
      (row) => row.names,
    );
    expect([...names].sort()).toEqual(nextJs);
    for (const name of names) expect(ENV_NAMES, name).not.toContain(name);
  });
});
