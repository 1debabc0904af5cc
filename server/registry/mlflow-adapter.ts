import "server-only";
import { type ModelVersionInfo, type RegistryAdapter, RegistryError, type RegistryTarget } from "./adapter";
import { getRegistryJson } from "./registry-http";

// MLflow's REST API 2.0: registered-models/get (aliases), model-versions/search (paged with
// page_token / next_page_token), runs/get (metrics of each version's source run).

const PAGE_SIZE = 100;
/** A model with more versions than this is read up to here (newest first): enough for any gate. */
const MAX_PAGES = 20;
/** Metrics are read for the newest versions only (one runs/get each). */
const RUNS_READ = 20;

type MlflowVersion = {
  version?: string;
  status?: string;
  run_id?: string;
  aliases?: string[];
  creation_timestamp?: number | string;
};

function authHeaders(target: RegistryTarget): Record<string, string> {
  if (target.auth.kind === "BEARER") return { authorization: `Bearer ${target.auth.token}` };
  if (target.auth.kind === "BASIC")
    return {
      authorization: `Basic ${Buffer.from(`${target.auth.username}:${target.auth.password}`).toString("base64")}`,
    };
  return {};
}

async function call(target: RegistryTarget, path: string, query: Record<string, string>): Promise<unknown> {
  const url = new URL(`${target.baseUrl.replace(/\/+$/, "")}/api/2.0/mlflow/${path}`);
  for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
  const answer = await getRegistryJson({
    url,
    headers: authHeaders(target),
    verifyTls: target.verifyTls,
    policy: target.policy,
    timeoutMs: target.timeoutMs,
  });
  if (answer.kind === "blocked")
    throw new RegistryError("blocked", `The address is refused by the address policy (${answer.reason}).`);
  if (answer.kind === "unreachable")
    throw new RegistryError("unreachable", `The registry did not answer: ${answer.reason}.`);
  const body = answer.body as { error_code?: string; message?: string } | null;
  if (answer.status === 200 && body && typeof body === "object") return body;
  if (body?.error_code === "RESOURCE_DOES_NOT_EXIST")
    throw new RegistryError("not-found", body.message ?? "Not found.");
  if (answer.status === 401 || answer.status === 403)
    throw new RegistryError("refused", `The registry refused the credentials (HTTP ${answer.status}).`);
  throw new RegistryError(
    "unreachable",
    `The registry answered HTTP ${answer.status}${body?.error_code ? ` ${body.error_code}` : ""}.`,
  );
}

const quote = (name: string) => `'${name.replaceAll("'", "''")}'`;

export const mlflowAdapter: RegistryAdapter = {
  async readModel(target, modelName) {
    const got = (await call(target, "registered-models/get", { name: modelName })) as {
      registered_model?: { name?: string; description?: string; aliases?: { alias?: string; version?: string }[] };
    };
    const model = got.registered_model ?? {};
    const aliases: Record<string, string> = {};
    for (const { alias, version } of model.aliases ?? []) if (alias && version) aliases[alias] = String(version);

    const versions: MlflowVersion[] = [];
    let pageToken: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const query: Record<string, string> = { filter: `name=${quote(modelName)}`, max_results: String(PAGE_SIZE) };
      if (pageToken) query.page_token = pageToken;
      const found = (await call(target, "model-versions/search", query)) as {
        model_versions?: MlflowVersion[];
        next_page_token?: string;
      };
      versions.push(...(found.model_versions ?? []));
      pageToken = found.next_page_token || undefined;
      if (!pageToken) break;
    }
    versions.sort((a, b) => Number(b.version) - Number(a.version));

    const infos: ModelVersionInfo[] = [];
    for (const [index, v] of versions.entries()) {
      const version = String(v.version ?? "");
      let metrics: Record<string, number> = {};
      if (v.run_id && index < RUNS_READ) {
        try {
          const run = (await call(target, "runs/get", { run_id: v.run_id })) as {
            run?: { data?: { metrics?: { key?: string; value?: number }[] } };
          };
          for (const { key, value } of run.run?.data?.metrics ?? [])
            if (key && typeof value === "number") metrics[key] = value;
        } catch (error) {
          // A run deleted from tracking leaves the version without metrics, not the sync failed.
          if (!(error instanceof RegistryError && error.kind === "not-found")) throw error;
          metrics = {};
        }
      }
      infos.push({
        version,
        status: v.status ?? "READY",
        runId: v.run_id || null,
        aliases:
          v.aliases ??
          Object.entries(aliases)
            .filter(([, to]) => to === version)
            .map(([alias]) => alias),
        metrics,
        createdAt: v.creation_timestamp ? new Date(Number(v.creation_timestamp)).toISOString() : null,
      });
    }
    return { name: model.name ?? modelName, description: model.description ?? "", versions: infos, aliases };
  },
};
