import "server-only";
import { z } from "zod";
import { ROLES, type Role } from "@/lib/lifecycle";

// The app's configuration: every variable the configuration table of docs/configuration.md lists, with its
// type, default and meaning, in one schema (server/env.test.ts holds the table to it). Read
// through env(), validated on first use rather than at import, so `next build` needs no
// database or secret; the server checks it all at start (instrumentation.ts), so a bad value
// stops the start with one line instead of surfacing at the first request that reads it.
// Empty variables count as unset (Compose passes `${X:-}` as "").

const wholeNumber = (min: number, max: number) =>
  z.string().trim().regex(/^\d+$/).transform(Number).pipe(z.number().int().min(min).max(max));

const decimal = (min: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+(\.\d+)?$/)
    .transform(Number)
    .pipe(z.number().min(min));

const onOff = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.enum(["on", "off", "true", "false", "1", "0"]))
  .transform((value) => value === "on" || value === "true" || value === "1");

const httpUrl = z.url({ protocol: /^https?$/ });
const postgresUrl = z
  .string()
  .trim()
  .regex(/^postgres(ql)?:\/\//);

/** Raises a schema issue with the thrown message as its detail. */
function parsedBy<T>(parse: (text: string) => T) {
  return z.string().transform((text, ctx) => {
    try {
      return parse(text);
    } catch (error) {
      ctx.addIssue({ code: "custom", message: error instanceof Error ? error.message : String(error) });
      return z.NEVER;
    }
  });
}

/**
 * `group=ROLE` pairs separated by commas (`roadbook-admins=ADMIN,ml-team=DATA_SCIENTIST`), or a
 * JSON object `{"group": "ROLE"}` for group names holding commas (LDAP DNs). A pair splits at its
 * last `=`; group names match exactly (case-sensitive). Throws on a malformed entry or an unknown role.
 */
export function parseRoleMap(text: string | undefined): Map<string, Role> {
  const map = new Map<string, Role>();
  const source = (text ?? "").trim();
  if (!source) return map;
  const pairs: [string, string][] = source.startsWith("{")
    ? Object.entries(JSON.parse(source) as Record<string, unknown>).map(([group, role]) => [group, String(role)])
    : source
        .split(",")
        .map((entry) => entry.trim())
        .filter(Boolean)
        .map((entry) => {
          const at = entry.lastIndexOf("=");
          if (at <= 0) throw new Error(`ROADBOOK_OIDC_ROLE_MAP: "${entry}" is not group=ROLE.`);
          return [entry.slice(0, at).trim(), entry.slice(at + 1).trim()];
        });
  for (const [group, role] of pairs) {
    const upper = role.toUpperCase();
    if (!group || !(ROLES as readonly string[]).includes(upper))
      throw new Error(`ROADBOOK_OIDC_ROLE_MAP: "${group}=${role}" must map a group to one of ${ROLES.join(", ")}.`);
    map.set(group, upper as Role);
  }
  return map;
}

/** `example.com, Example.org ,<tenant id>` -> ["example.com", "example.org", "<tenant id>"]. */
export function parseAllowedDomains(text: string | undefined): string[] {
  const entries = (text ?? "")
    .split(",")
    .map((entry) => entry.trim().toLowerCase().replace(/^@/, ""))
    .filter(Boolean);
  for (const entry of entries)
    if (!/^[a-z0-9.-]+$/.test(entry))
      throw new Error(`ROADBOOK_OIDC_ALLOWED_DOMAINS: "${entry}" is not a domain or a tenant id.`);
  return entries;
}

const shape = {
  PORT: wholeNumber(1, 65_535).default(3000).describe("HTTP port"),
  ROADBOOK_DATA_DIR: z
    .string()
    .default(".data")
    .describe("`npm start` only: embedded PostgreSQL cluster, generated session secret, demo accounts"),
  DATABASE_URL: postgresUrl
    .optional()
    .describe("the PostgreSQL URL; pending migrations are applied at start, nothing is seeded"),
  ROADBOOK_MIGRATE_DATABASE_URL: postgresUrl
    .optional()
    .describe("the URL migrations run on (the tables' owner in a two-role set-up); `DATABASE_URL` when unset"),
  NEXTAUTH_SECRET: z.string().min(32).optional().describe("session signing secret, 32+ characters"),
  NEXTAUTH_URL: httpUrl.optional().describe("the public URL of the app (set it behind a proxy or on another host)"),
  ROADBOOK_SEED_DEMO: z
    .enum(["0", "1"])
    .optional()
    .describe("`npm start` only: load the demo portfolio when the database has no user"),
  ROADBOOK_SETUP_CODE_FILE: z
    .string()
    .optional()
    .describe("a file the first-run setup code is also written to (mode 600)"),
  ROADBOOK_TRUSTED_PROXY_HOPS: wholeNumber(0, 10)
    .default(0)
    .describe("reverse proxies in front of the app, for the client address"),
  ROADBOOK_VERBOSE: z.string().optional().describe("`npm start` only: also print the web server's own log"),
  ROADBOOK_PROBE_INTERVAL_MINUTES: wholeNumber(0, 1440)
    .default(5)
    .describe("the default of the Settings probe interval until an admin saves one; 0 turns the rounds off"),
  ROADBOOK_PROBE_CONCURRENCY: wholeNumber(1, 32).default(4).describe("probes at once in a round"),
  ROADBOOK_PROBE_ALLOW: z
    .string()
    .optional()
    .describe("private hosts, addresses or CIDRs the probe may reach (comma-separated)"),
  ROADBOOK_DB_POOL_SIZE: wholeNumber(1, 1000).default(10).describe("PostgreSQL connections per app process at most"),
  ROADBOOK_METRICS_TOKEN: z
    .string()
    .optional()
    .describe("turns on /api/metrics for `Authorization: Bearer <token>`; unset, it answers 404"),
  ROADBOOK_API_RATE_LIMIT: decimal(0)
    .default(600)
    .describe("API requests per minute per token, per process; 0 turns it off (with a start warning)"),
  ROADBOOK_WEBHOOK_INTERVAL_SECONDS: decimal(0)
    .default(15)
    .describe("how often due webhook deliveries are sent; 0 turns the rounds off"),
  ROADBOOK_OIDC_ISSUER: httpUrl.optional().describe("OpenID Connect issuer URL; turns single sign-on on"),
  ROADBOOK_OIDC_CLIENT_ID: z.string().trim().optional().describe("the app's client id at the provider"),
  ROADBOOK_OIDC_CLIENT_SECRET: z.string().optional().describe("the app's client secret at the provider"),
  ROADBOOK_OIDC_NAME: z.string().trim().max(60).default("Single sign-on").describe("the sign-in button's label"),
  ROADBOOK_OIDC_SCOPES: z
    .string()
    .trim()
    .transform((text) => {
      const scopes = text.split(/\s+/);
      return (scopes.includes("openid") ? scopes : ["openid", ...scopes]).join(" ");
    })
    .default("openid email profile")
    .describe("scopes requested (`openid` always included)"),
  ROADBOOK_OIDC_ROLES_CLAIM: z
    .string()
    .trim()
    .default("groups")
    .describe("ID-token claim with the groups or roles (dotted path allowed)"),
  ROADBOOK_OIDC_ROLE_MAP: parsedBy(parseRoleMap)
    .default(new Map())
    .describe("`group=ROLE,…` or a JSON object; exact, case-sensitive"),
  ROADBOOK_OIDC_DEFAULT_ROLE: z
    .string()
    .trim()
    .toUpperCase()
    .pipe(z.enum([...ROLES, "NONE"]))
    .transform((role) => (role === "NONE" ? null : role))
    .default(null)
    .describe("role of a user with no mapped group; none: awaiting a role"),
  ROADBOOK_OIDC_TRUST_EMAIL: onOff
    .default(false)
    .describe("link existing accounts by email when the provider sends no email_verified"),
  ROADBOOK_OIDC_ALLOWED_DOMAINS: parsedBy(parseAllowedDomains)
    .default([])
    .describe("only these email domains (and Google hd, Entra tid when sent) may sign in via SSO"),
  ROADBOOK_OIDC_GRAPH_URL: httpUrl
    .transform((url) => url.replace(/\/+$/, ""))
    .default("https://graph.microsoft.com")
    .describe("Microsoft Graph, read for the groups of an Entra ID user with more than 200"),
  ROADBOOK_PASSWORD_LOGIN: onOff.default(true).describe("off: only single sign-on (when configured)"),
  ROADBOOK_SMTP_URL: z
    .url({ protocol: /^smtps?$/ })
    .optional()
    .describe("the SMTP server, credentials included; turns email notifications on"),
  ROADBOOK_MAIL_FROM: z.string().trim().min(3).optional().describe("the emails' sender (required with SMTP)"),
  ROADBOOK_PUBLIC_URL: httpUrl
    .optional()
    .describe("base URL of the links in emails and chat messages; NEXTAUTH_URL when unset"),
  ROADBOOK_MAIL_BATCH_MINUTES: wholeNumber(0, 24 * 60)
    .default(5)
    .describe("wait after the first notification, and at least between two emails to one user"),
  ROADBOOK_S3_BUCKET: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/)
    .optional()
    .describe("keep evidence files in this S3-compatible bucket instead of PostgreSQL"),
  ROADBOOK_S3_ENDPOINT: httpUrl
    .optional()
    .describe("the S3-compatible service's URL (MinIO, Ceph, ...); AWS S3 when unset"),
  ROADBOOK_S3_REGION: z.string().trim().min(1).default("us-east-1").describe("the bucket's region"),
  ROADBOOK_S3_ACCESS_KEY_ID: z
    .string()
    .trim()
    .optional()
    .describe("the access key; unset: the AWS SDK's own chain (AWS_* variables, an instance or pod role)"),
  ROADBOOK_S3_SECRET_ACCESS_KEY: z.string().optional().describe("the secret key (required with the access key)"),
  ROADBOOK_S3_FORCE_PATH_STYLE: onOff
    .default(false)
    .describe("on: address the bucket as a path (https://host/bucket/key), as MinIO usually needs"),
};

export type EnvName = keyof typeof shape;

/** How each variable is written (the end of its error message), and whether its value is a secret. */
const FORMS: Record<EnvName, { expected: string; secret?: true }> = {
  PORT: { expected: "a port number from 1 to 65535" },
  ROADBOOK_DATA_DIR: { expected: "a directory" },
  DATABASE_URL: { expected: "a postgresql:// URL", secret: true },
  ROADBOOK_MIGRATE_DATABASE_URL: { expected: "a postgresql:// URL", secret: true },
  NEXTAUTH_SECRET: { expected: "at least 32 random characters (openssl rand -base64 48)", secret: true },
  NEXTAUTH_URL: { expected: "the app's http(s) URL" },
  ROADBOOK_SEED_DEMO: { expected: "1 or 0" },
  ROADBOOK_SETUP_CODE_FILE: { expected: "a file path" },
  ROADBOOK_TRUSTED_PROXY_HOPS: { expected: "a whole number of proxies from 0 to 10" },
  ROADBOOK_VERBOSE: { expected: "any value (set: on)" },
  ROADBOOK_PROBE_INTERVAL_MINUTES: { expected: "a whole number of minutes from 0 to 1440 (0: no probe rounds)" },
  ROADBOOK_PROBE_CONCURRENCY: { expected: "a whole number from 1 to 32" },
  ROADBOOK_PROBE_ALLOW: { expected: "hosts, addresses or CIDRs, comma-separated" },
  ROADBOOK_DB_POOL_SIZE: { expected: "a whole number of connections from 1 to 1000" },
  ROADBOOK_METRICS_TOKEN: { expected: "a bearer token (openssl rand -hex 32)", secret: true },
  ROADBOOK_API_RATE_LIMIT: { expected: "a number of requests per minute, 0 or more (0: no limit)" },
  ROADBOOK_WEBHOOK_INTERVAL_SECONDS: { expected: "a number of seconds, 0 or more (0: no delivery rounds)" },
  ROADBOOK_OIDC_ISSUER: { expected: "the provider's http(s) issuer URL" },
  ROADBOOK_OIDC_CLIENT_ID: { expected: "the client id (required with ROADBOOK_OIDC_ISSUER)" },
  ROADBOOK_OIDC_CLIENT_SECRET: { expected: "the client secret (required with ROADBOOK_OIDC_ISSUER)", secret: true },
  ROADBOOK_OIDC_NAME: { expected: "a label of at most 60 characters" },
  ROADBOOK_OIDC_SCOPES: { expected: "scopes separated by spaces" },
  ROADBOOK_OIDC_ROLES_CLAIM: { expected: "a claim name or a dotted path" },
  ROADBOOK_OIDC_ROLE_MAP: { expected: "group=ROLE pairs, comma-separated, or a JSON object" },
  ROADBOOK_OIDC_DEFAULT_ROLE: { expected: `none or one of ${ROLES.join(", ")}` },
  ROADBOOK_OIDC_TRUST_EMAIL: { expected: "on or off" },
  ROADBOOK_OIDC_ALLOWED_DOMAINS: { expected: "email domains or tenant ids, comma-separated" },
  ROADBOOK_OIDC_GRAPH_URL: { expected: "an http(s) URL" },
  ROADBOOK_PASSWORD_LOGIN: { expected: "on or off" },
  ROADBOOK_SMTP_URL: { expected: "an smtp:// or smtps:// URL (smtp://user:pass@host:587)", secret: true },
  ROADBOOK_MAIL_FROM: {
    expected: "the sender, e.g. Roadbook <roadbook@example.com> (required with ROADBOOK_SMTP_URL)",
  },
  ROADBOOK_PUBLIC_URL: {
    expected: "the app's http(s) URL, for the links in emails (required with ROADBOOK_SMTP_URL, or NEXTAUTH_URL)",
  },
  ROADBOOK_MAIL_BATCH_MINUTES: { expected: "a whole number of minutes from 0 to 1440" },
  ROADBOOK_S3_BUCKET: { expected: "an S3 bucket name (3-63 lower-case letters, digits, dots, hyphens)" },
  ROADBOOK_S3_ENDPOINT: { expected: "the object store's http(s) URL" },
  ROADBOOK_S3_REGION: { expected: "a region name, e.g. eu-west-1" },
  ROADBOOK_S3_ACCESS_KEY_ID: { expected: "the access key id" },
  ROADBOOK_S3_SECRET_ACCESS_KEY: {
    expected: "the secret access key (required with ROADBOOK_S3_ACCESS_KEY_ID)",
    secret: true,
  },
  ROADBOOK_S3_FORCE_PATH_STYLE: { expected: "on or off" },
};

/** The schema's variables, in the order of the configuration table (docs/configuration.md). */
export const ENV_NAMES = Object.keys(shape) as EnvName[];

/** Each variable's schema (its `.description` is the meaning; parsing `undefined` gives the default). */
export const ENV_SCHEMA = z.object(shape);

const NOT_SET = "not set";

/** `server`: as the web server reads it, with a database URL and a session secret (npm start makes them). */
function rules(server: boolean) {
  return ENV_SCHEMA.superRefine((e, ctx) => {
    const need = (name: EnvName, when: boolean) => {
      if (when && e[name] === undefined) ctx.addIssue({ code: "custom", path: [name], message: NOT_SET });
    };
    need("DATABASE_URL", server);
    need("NEXTAUTH_SECRET", server);
    need("ROADBOOK_OIDC_CLIENT_ID", e.ROADBOOK_OIDC_ISSUER !== undefined);
    need("ROADBOOK_OIDC_CLIENT_SECRET", e.ROADBOOK_OIDC_ISSUER !== undefined);
    need("ROADBOOK_MAIL_FROM", e.ROADBOOK_SMTP_URL !== undefined);
    need("ROADBOOK_PUBLIC_URL", e.ROADBOOK_SMTP_URL !== undefined && e.NEXTAUTH_URL === undefined);
    need("ROADBOOK_S3_SECRET_ACCESS_KEY", e.ROADBOOK_S3_ACCESS_KEY_ID !== undefined);
  });
}

const SERVER = rules(true);
const ANY = rules(false);

type Parsed = z.output<typeof ENV_SCHEMA>;
export type Env = Parsed & { DATABASE_URL: string; NEXTAUTH_SECRET: string };
type Source = Record<string, string | undefined>;

/** The set variables of the schema (an empty or blank value counts as unset). */
function setOnly(source: Source): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const name of ENV_NAMES) {
    const value = source[name];
    if (value?.trim()) vars[name] = value;
  }
  return vars;
}

/** One line: each bad variable, what is wrong with it and how it is written; never a secret's value. */
function describeIssues(issues: z.ZodError["issues"], vars: Record<string, string>): string {
  const seen = new Set<string>();
  const parts: string[] = [];
  for (const issue of issues) {
    const name = String(issue.path[0]) as EnvName;
    if (seen.has(name)) continue;
    seen.add(name);
    const form = FORMS[name];
    const value = vars[name];
    const detail = issue.code === "custom" && issue.message !== NOT_SET ? ` (${issue.message})` : "";
    const problem =
      value === undefined
        ? `${name} is not set`
        : form.secret
          ? `${name} is invalid${detail ? detail : " (value not shown)"}`
          : `${name}=${JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value)} is invalid${detail}`;
    parts.push(`${problem}; expected ${form.expected}.`);
  }
  return `Configuration error: ${parts.join(" ")}`;
}

function parse<T extends typeof SERVER | typeof ANY>(schema: T, source: Source): z.output<T> {
  const vars = setOnly(source);
  const parsed = schema.safeParse(vars);
  if (!parsed.success) throw new Error(describeIssues(parsed.error.issues, vars));
  return parsed.data;
}

/**
 * The configuration in `source`, without requiring the server's database URL and secret (npm
 * start before it makes them, tests of one part). Throws one line on a bad value.
 */
export function readEnv(source: Source): Parsed {
  return parse(ANY, source);
}

/** The whole configuration the web server needs; throws one line naming each bad variable. */
export function parseServerEnv(source: Source): Env {
  return parse(SERVER, source) as Env;
}

let cached: { key: string; env: Env } | undefined;

/**
 * The process's configuration, parsed on first use and kept. Under Vitest it is parsed again
 * when one of its variables changed (tests set them; reading them all at every call would cost
 * a server's hot paths, such as the API rate limit, some 10 µs each time).
 */
export function env(): Env {
  const key = process.env.NODE_ENV === "test" ? ENV_NAMES.map((name) => process.env[name] ?? "").join("\u0000") : "";
  if (cached?.key !== key) cached = { key, env: parseServerEnv(process.env) };
  return cached.env;
}

/**
 * The server's start check (instrumentation.ts): the whole configuration, or one line on stderr
 * and exit code 1, not a stack trace (Next.js would print the error with its own wrapping).
 */
export function checkServerEnv(exit: (code: number) => never = process.exit): void {
  try {
    env();
  } catch (error) {
    console.error(`roadbook: ${error instanceof Error ? error.message : String(error)}`);
    exit(1);
  }
}
