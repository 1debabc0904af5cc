// A local MLflow-compatible tracking server for tests (MLflow itself cannot be installed on our
// CI machines). It implements the endpoints Roadbook uses exactly as MLflow's REST API 2.0
// reference documents them (mlflow/protos/model_registry.proto and mlflow/protos/service.proto):
// the field names (snake_case), versions as strings, aliases on the registered model and on each
// version, page_token / next_page_token paging of model-versions/search, and errors as
// `{ "error_code": "RESOURCE_DOES_NOT_EXIST", "message": ... }` with the documented HTTP status.
// test-support/fakes/mlflow-fixtures/ holds the reference's response shapes; server/registry/
// mlflow-fake.test.ts checks this server's answers against them.
import http from "node:http";
import type { AddressInfo } from "node:net";

export type FakeMetric = { key: string; value: number; timestamp: number; step: number };
export type FakeVersion = { version: string; runId: string; status?: "READY" | "PENDING_REGISTRATION" };
export type FakeModel = {
  name: string;
  description?: string;
  versions: FakeVersion[];
  aliases?: Record<string, string>;
};
export type FakeRun = { runId: string; runName?: string; metrics: Record<string, number> };

const API = "/api/2.0/mlflow";
const CREATED = 1733400000000;

type Stored = {
  name: string;
  description: string;
  versions: FakeVersion[];
  aliases: Map<string, string>;
};

export class FakeMlflow {
  readonly models = new Map<string, Stored>();
  readonly runs = new Map<string, FakeRun>();
  /** Every request, as "GET /api/2.0/mlflow/...?query" with its Authorization header. */
  readonly requests: { url: string; authorization: string | undefined }[] = [];
  /** Answer every request with 503 (a registry that is down). */
  down = false;
  /** Wait this long before answering (a slow registry). */
  delayMs = 0;
  /** When set, requests must carry exactly this Authorization header (else 401). */
  requireAuthorization: string | null = null;
  /** The page size when the client sends no max_results. */
  defaultPageSize = 200000;
  private server: http.Server | null = null;
  url = "";

  addModel(model: FakeModel): void {
    this.models.set(model.name, {
      name: model.name,
      description: model.description ?? "",
      versions: model.versions,
      aliases: new Map(Object.entries(model.aliases ?? {})),
    });
  }

  addRun(run: FakeRun): void {
    this.runs.set(run.runId, run);
  }

  /** What `POST registered-models/alias` does: point an alias at a version. */
  setAlias(name: string, alias: string, version: string): void {
    this.models.get(name)?.aliases.set(alias, version);
  }

  async start(): Promise<string> {
    this.server = http.createServer((req, res) => {
      const respond = () => this.handle(req, res);
      if (this.delayMs > 0) setTimeout(respond, this.delayMs);
      else respond();
    });
    await new Promise<void>((resolve) => this.server?.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  private versionJson(model: Stored, v: FakeVersion) {
    return {
      name: model.name,
      version: v.version,
      creation_timestamp: CREATED + Number(v.version) * 1000,
      last_updated_timestamp: CREATED + Number(v.version) * 1000,
      current_stage: "None",
      description: "",
      source: `mlflow-artifacts:/1/${v.runId}/artifacts/model`,
      run_id: v.runId,
      status: v.status ?? "READY",
      tags: [],
      run_link: "",
      aliases: [...model.aliases].filter(([, version]) => version === v.version).map(([alias]) => alias),
    };
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    let body = "";
    req.on("data", (chunk) => {
      body += chunk;
    });
    req.on("end", () => {
      this.requests.push({ url: `${req.method} ${req.url}`, authorization: req.headers.authorization });
      const send = (status: number, payload: unknown) =>
        res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(payload));
      const error = (status: number, error_code: string, message: string) => send(status, { error_code, message });
      if (this.down) return error(503, "TEMPORARILY_UNAVAILABLE", "The server is temporarily unavailable.");
      if (this.requireAuthorization && req.headers.authorization !== this.requireAuthorization)
        return error(401, "UNAUTHENTICATED", "You are not authenticated. Please see the documentation.");
      const url = new URL(req.url ?? "/", "http://fake");
      const q = url.searchParams;
      const route = `${req.method} ${url.pathname}`;
      if (route === `GET ${API}/registered-models/get`) {
        const name = q.get("name");
        if (!name) return error(400, "INVALID_PARAMETER_VALUE", "Missing value for required parameter 'name'.");
        const model = this.models.get(name);
        if (!model) return error(404, "RESOURCE_DOES_NOT_EXIST", `Registered Model with name=${name} not found`);
        const latest = model.versions.filter((v) => (v.status ?? "READY") === "READY").at(-1);
        return send(200, {
          registered_model: {
            name: model.name,
            creation_timestamp: CREATED,
            last_updated_timestamp: CREATED + model.versions.length * 1000,
            description: model.description,
            latest_versions: latest ? [this.versionJson(model, latest)] : [],
            tags: [],
            aliases: [...model.aliases].map(([alias, version]) => ({ alias, version })),
          },
        });
      }
      if (route === `GET ${API}/model-versions/search`) {
        const filter = q.get("filter") ?? "";
        const match = /^\s*name\s*=\s*'((?:[^']|'')*)'\s*$/.exec(filter);
        if (filter && !match) return error(400, "INVALID_PARAMETER_VALUE", `Invalid filter '${filter}'`);
        const maxResults = q.has("max_results") ? Number(q.get("max_results")) : this.defaultPageSize;
        if (!Number.isInteger(maxResults) || maxResults < 1 || maxResults > 200000)
          return error(
            400,
            "INVALID_PARAMETER_VALUE",
            `Invalid value for request parameter max_results. It must be at most 200000, but got value ${q.get("max_results")}`,
          );
        const models = match ? [this.models.get((match[1] ?? "").replaceAll("''", "'"))] : [...this.models.values()];
        const all = models
          .filter((m): m is Stored => m !== undefined)
          .flatMap((m) => m.versions.map((v) => this.versionJson(m, v)))
          .sort((a, b) => Number(b.version) - Number(a.version));
        let offset = 0;
        const token = q.get("page_token");
        if (token) {
          try {
            offset = (JSON.parse(Buffer.from(token, "base64").toString("utf8")) as { offset: number }).offset;
          } catch {
            return error(400, "INVALID_PARAMETER_VALUE", `Invalid page token, could not base64-decode. ${token}`);
          }
        }
        const page = all.slice(offset, offset + maxResults);
        const next = offset + maxResults < all.length;
        return send(200, {
          model_versions: page,
          ...(next
            ? { next_page_token: Buffer.from(JSON.stringify({ offset: offset + maxResults })).toString("base64") }
            : {}),
        });
      }
      if (route === `GET ${API}/runs/get`) {
        const runId = q.get("run_id") ?? q.get("run_uuid");
        if (!runId) return error(400, "INVALID_PARAMETER_VALUE", "Missing value for required parameter 'run_id'.");
        const run = this.runs.get(runId);
        if (!run) return error(404, "RESOURCE_DOES_NOT_EXIST", `Run '${runId}' not found.`);
        return send(200, {
          run: {
            info: {
              run_id: run.runId,
              run_uuid: run.runId,
              run_name: run.runName ?? "run",
              experiment_id: "1",
              user_id: "ds",
              status: "FINISHED",
              start_time: CREATED,
              end_time: CREATED + 60000,
              artifact_uri: `mlflow-artifacts:/1/${run.runId}/artifacts`,
              lifecycle_stage: "active",
            },
            data: {
              metrics: Object.entries(run.metrics).map(([key, value]) => ({ key, value, timestamp: CREATED, step: 0 })),
              params: [],
              tags: [],
            },
            inputs: {},
          },
        });
      }
      if (route === `POST ${API}/registered-models/alias`) {
        let input: { name?: string; alias?: string; version?: string };
        try {
          input = JSON.parse(body || "{}");
        } catch {
          return error(400, "MALFORMED_REQUEST", "Malformed request body.");
        }
        const model = input.name ? this.models.get(input.name) : undefined;
        if (!model) return error(404, "RESOURCE_DOES_NOT_EXIST", `Registered Model with name=${input.name} not found`);
        if (!input.alias || !input.version)
          return error(400, "INVALID_PARAMETER_VALUE", "Missing value for required parameter 'alias' or 'version'.");
        if (!model.versions.some((v) => v.version === input.version))
          return error(
            404,
            "RESOURCE_DOES_NOT_EXIST",
            `Model Version (name=${model.name}, version=${input.version}) not found`,
          );
        model.aliases.set(input.alias, input.version);
        return send(200, {});
      }
      return error(404, "ENDPOINT_NOT_FOUND", `No API endpoint found for ${url.pathname}`);
    });
  }
}
