import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { metrics } from "@/server/metrics/metrics";
import { SERVER_HEAP_OPTIONS } from "./lib/heap";

// The deployment artefacts (docs/operations.md): the compose file must be valid for Debian's docker-compose,
// the Grafana dashboard may only use metrics the app exports, and the Dockerfile keeps its basics.
// The image itself is not built here: no Docker engine runs on these machines.

/** The app's own metric families (not prom-client's defaults): the dashboard must chart each. */
const OWN_METRICS = [
  "roadbook_http_requests_total",
  "roadbook_http_request_duration_seconds",
  "roadbook_gate_decisions_total",
  "roadbook_probe_results_total",
  "roadbook_db_pool_connections",
];

const root = path.resolve(".");
const missingCompose = "docker-compose is missing: apt-get install docker-compose (.ci/run installs it)";

const tmp = mkdtempSync(path.join(os.tmpdir(), "roadbook-deploy-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
// An empty env file, so a developer's .env never changes what the tests see.
const emptyEnvFile = path.join(tmp, "empty.env");
writeFileSync(emptyEnvFile, "");

const monitoringEnv = {
  NEXTAUTH_SECRET: "compose-test-secret-compose-test-secret-0123456789",
  POSTGRES_PASSWORD: "0123456789abcdef0123456789abcdef",
  GRAFANA_ADMIN_PASSWORD: "grafana-test-password",
  ROADBOOK_METRICS_TOKEN: "metrics-test-token",
};

function dockerCompose(args: string[], vars: Record<string, string>) {
  const result = spawnSync("docker-compose", ["--env-file", emptyEnvFile, "-f", "docker-compose.yml", ...args], {
    cwd: root,
    // Only what docker-compose needs, plus the variables under test.
    env: { NODE_ENV: "test", PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: process.env.HOME ?? tmp, ...vars },
    encoding: "utf8",
  });
  if ((result.error as NodeJS.ErrnoException | undefined)?.code === "ENOENT") throw new Error(missingCompose);
  if (result.error) throw result.error;
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** Every series name the app exposes at /api/metrics, read from the app's own registry. */
async function exportedSeriesNames(): Promise<Set<string>> {
  const names = new Set<string>();
  const add = (name: string, type: string) => {
    if (type === "histogram") for (const suffix of ["_bucket", "_sum", "_count"]) names.add(name + suffix);
    else if (type === "summary") for (const suffix of ["", "_sum", "_count"]) names.add(name + suffix);
    else names.add(name);
  };
  for (const metric of await metrics.registry.getMetricsAsJSON()) add(metric.name, String(metric.type));
  return names;
}

type Target = { expr?: string; datasource?: { uid?: string } };
type Panel = { title?: string; type?: string; datasource?: { uid?: string }; targets?: Target[]; panels?: Panel[] };
type Dashboard = {
  uid?: string;
  schemaVersion?: number;
  panels?: Panel[];
  templating?: { list?: { query?: unknown; definition?: string }[] };
};

function allPanels(panels: Panel[] = []): Panel[] {
  return panels.flatMap((panel) => [panel, ...allPanels(panel.panels)]);
}

const metricNamesIn = (text: string) => text.match(/\broadbook_[a-zA-Z0-9_]+/g) ?? [];

describe("docker-compose.yml", () => {
  it("is valid with the monitoring profile when the required variables are set", () => {
    const { status, output } = dockerCompose(["--profile", "monitoring", "config", "-q"], monitoringEnv);
    expect(status, output).toBe(0);
  });

  it("is valid without the monitoring profile and without its variables", () => {
    const { NEXTAUTH_SECRET, POSTGRES_PASSWORD } = monitoringEnv;
    const { status, output } = dockerCompose(["config", "-q"], { NEXTAUTH_SECRET, POSTGRES_PASSWORD });
    expect(status, output).toBe(0);
  });

  it("refuses to start without NEXTAUTH_SECRET, and says how to make one", () => {
    const { NEXTAUTH_SECRET: _unset, ...vars } = monitoringEnv;
    const { status, output } = dockerCompose(["--profile", "monitoring", "config", "-q"], vars);
    expect(status).not.toBe(0);
    expect(output).toContain("set NEXTAUTH_SECRET (openssl rand -base64 48)");
  });

  it("refuses to start without POSTGRES_PASSWORD", () => {
    const { POSTGRES_PASSWORD: _unset, ...vars } = monitoringEnv;
    const { status, output } = dockerCompose(["config", "-q"], vars);
    expect(status).not.toBe(0);
    expect(output).toContain("set POSTGRES_PASSWORD");
  });
});

describe("the Grafana dashboard", () => {
  const dashboard = JSON.parse(readFileSync("deploy/grafana/dashboards/roadbook.json", "utf8")) as Dashboard;
  const panels = allPanels(dashboard.panels).filter((panel) => panel.type !== "row");

  it("is a provisioned dashboard on the datasource uid prometheus", () => {
    expect(dashboard.uid).toBe("roadbook");
    expect(dashboard.schemaVersion).toBeGreaterThanOrEqual(36);
    expect(panels.length).toBeGreaterThanOrEqual(8);
    for (const panel of panels) {
      expect(panel.datasource?.uid, panel.title).toBe("prometheus");
      expect(panel.targets?.length, panel.title).toBeGreaterThan(0);
      for (const target of panel.targets ?? [])
        expect(target.datasource?.uid ?? "prometheus", panel.title).toBe("prometheus");
    }
  });

  it("uses only metrics the app exports", async () => {
    const exported = await exportedSeriesNames();
    const used = [
      ...panels.flatMap((panel) => (panel.targets ?? []).flatMap((target) => metricNamesIn(target.expr ?? ""))),
      ...(dashboard.templating?.list ?? []).flatMap((variable) => metricNamesIn(JSON.stringify(variable.query ?? ""))),
    ];
    expect(used.length).toBeGreaterThan(0);
    expect([...new Set(used)].filter((name) => !exported.has(name))).toEqual([]);
  });

  it("has a panel on each of the app's own metrics", () => {
    const exprs = panels.flatMap((panel) => (panel.targets ?? []).map((target) => target.expr ?? "")).join("\n");
    expect(OWN_METRICS.filter((name) => !exprs.includes(name))).toEqual([]);
  });
});

describe("the Dockerfile", () => {
  const dockerfile = readFileSync("Dockerfile", "utf8").replace(/\\\n/g, " ");
  const instructions = dockerfile
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith("#"));
  const args = (keyword: string) =>
    instructions
      .filter((line) => line.toUpperCase().startsWith(`${keyword} `))
      .map((line) => line.slice(keyword.length + 1).trim());

  it("caps the server's heap as npm start does (scripts/lib/heap.ts)", () => {
    expect(args("ENV").join(" ")).toContain(`NODE_OPTIONS="${SERVER_HEAP_OPTIONS}"`);
  });

  it("builds on Node 24 LTS slim (pinned to a minor version) and runs its binary on Debian bookworm slim", () => {
    const froms = args("FROM");
    expect(froms[0]).toMatch(/^node:24\.\d+-bookworm-slim AS base$/);
    expect(froms.at(-1)).toMatch(/^debian:bookworm-slim\b/);
    expect(args("COPY")).toContain("--from=base /usr/local/bin/node /usr/local/bin/node");
  });

  it("runs as a non-root user", () => {
    const user = args("USER").at(-1);
    expect(user).toBeDefined();
    expect(user).not.toMatch(/^(root|0)(:|$)/);
  });

  it("has a HEALTHCHECK on /api/health and the entrypoint script", () => {
    expect(args("HEALTHCHECK").join(" ")).toContain("/api/health");
    expect(args("ENTRYPOINT").join(" ")).toContain("deploy/docker-entrypoint.sh");
    expect(existsSync("deploy/docker-entrypoint.sh")).toBe(true);
  });

  it("leaves dependencies, build output, data and secrets out of the build context", () => {
    const ignored = readFileSync(".dockerignore", "utf8").split("\n");
    for (const entry of ["node_modules", ".next", "generated", ".data", ".git", ".env"])
      expect(ignored).toContain(entry);
    for (const needed of ["deploy", "prisma", "package-lock.json", "public"]) expect(ignored).not.toContain(needed);
  });
});

describe("deploy/docker-entrypoint.sh", () => {
  const run = (vars: Record<string, string>) => {
    const result = spawnSync("sh", ["deploy/docker-entrypoint.sh"], {
      env: { NODE_ENV: "test", PATH: process.env.PATH ?? "/usr/bin:/bin", ...vars },
      encoding: "utf8",
      timeout: 20_000,
    });
    return { status: result.status, stderr: result.stderr };
  };

  it("refuses to start without DATABASE_URL", () => {
    const { status, stderr } = run({ NEXTAUTH_SECRET: monitoringEnv.NEXTAUTH_SECRET });
    expect(status).toBe(1);
    expect(stderr.trim()).toMatch(/^roadbook: DATABASE_URL is not set/);
  });

  it("refuses to start with a NEXTAUTH_SECRET shorter than 32 characters", () => {
    const { status, stderr } = run({
      DATABASE_URL: "postgresql://roadbook@127.0.0.1:1/none",
      NEXTAUTH_SECRET: "short",
    });
    expect(status).toBe(1);
    expect(stderr.trim()).toBe(
      "roadbook: NEXTAUTH_SECRET must be set to at least 32 random characters (try: openssl rand -base64 48).",
    );
  });
});
