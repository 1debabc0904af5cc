// Deployed services: kinds, environments, and how a kind is guessed from an image or a URL.
import { SERVICE_KIND_LABELS, SERVICE_KINDS, type ServiceKind } from "./checklist-templates";

export { SERVICE_KIND_LABELS, SERVICE_KINDS, type ServiceKind };

export const ENVIRONMENTS = ["DEV", "STAGING", "PRODUCTION"] as const;
export type Environment = (typeof ENVIRONMENTS)[number];
export const ENVIRONMENT_LABELS: Record<Environment, string> = {
  DEV: "Dev",
  STAGING: "Staging",
  PRODUCTION: "Production",
};

export const HEALTH_STATUSES = ["UP", "DOWN", "BLOCKED", "UNKNOWN"] as const;
export type HealthStatus = (typeof HEALTH_STATUSES)[number];
export const HEALTH_LABELS: Record<HealthStatus, string> = {
  UP: "Up",
  DOWN: "Down",
  BLOCKED: "Blocked by policy",
  UNKNOWN: "Not checked yet",
};

/** The image's repository path without registry host (when it has one), tag or digest: "grafana/grafana". */
export function imageName(image: string): string {
  const withoutDigest = image.trim().toLowerCase().split("@")[0] ?? "";
  const parts = withoutDigest.split("/");
  const last = parts.pop() ?? "";
  const name = [...parts, last.split(":")[0] ?? ""].join("/");
  return name;
}

const IMAGE_KINDS: [RegExp, ServiceKind][] = [
  [/^(docker\.io\/)?(grafana\/grafana(-oss|-enterprise)?)$/, "GRAFANA"],
  [/^(docker\.io\/)?apache\/superset$/, "SUPERSET"],
  [/^(docker\.io\/)?apache\/airflow$/, "AIRFLOW"],
  [/^((docker\.io|quay\.io)\/)?jupyter\/[a-z0-9._-]+$/, "JUPYTER"],
  [/^(docker\.io\/)?jenkins\/jenkins$/, "JENKINS"],
  [/^ghcr\.io\/mlflow\/mlflow$/, "MLFLOW"],
  [/^(docker\.io\/)?(gitea\/gitea|gitlab\/gitlab-(ce|ee))$/, "GIT"],
];

/** The kind of a compose service from its image (the table); OTHER when unknown. */
export function kindFromImage(image: string): ServiceKind {
  const name = imageName(image);
  return IMAGE_KINDS.find(([pattern]) => pattern.test(name))?.[1] ?? "OTHER";
}

/** A guess from a URL's host and path ("grafana.example.com" -> GRAFANA); OTHER when nothing matches. */
export function kindFromUrl(url: string): ServiceKind {
  let text: string;
  try {
    const parsed = new URL(url);
    text = `${parsed.hostname} ${parsed.pathname}`.toLowerCase();
  } catch {
    return "OTHER";
  }
  const hints: [RegExp, ServiceKind][] = [
    [/grafana/, "GRAFANA"],
    [/superset/, "SUPERSET"],
    [/airflow/, "AIRFLOW"],
    [/jupyter/, "JUPYTER"],
    [/jenkins/, "JENKINS"],
    [/mlflow/, "MLFLOW"],
    [/(github|gitlab|gitea|bitbucket|\bgit\b|\/git\/)/, "GIT"],
    [/(\/predict|\/score|\/invocations|\/v1\/models|model)/, "MODEL_API"],
  ];
  return hints.find(([pattern]) => pattern.test(text))?.[1] ?? "OTHER";
}

/** Images of databases and brokers, which have no HTTP UI to link to: listed in an import, unticked. */
const NO_HTTP_UI =
  /^(docker\.io\/)?(library\/)?(postgres|mysql|mariadb|mongo|redis|rabbitmq|memcached|zookeeper|bitnami\/(postgresql|redis|kafka|zookeeper|rabbitmq|mysql)|confluentinc\/cp-(kafka|zookeeper)|apache\/kafka|eclipse-mosquitto|nats)$/;

export function hasHttpUi(image: string): boolean {
  return !NO_HTTP_UI.test(imageName(image));
}

/** A Jenkins job's path: "team/churn-deploy" -> "/job/team/job/churn-deploy" (folders, each part encoded). */
export function jenkinsJobPath(job: string): string {
  return job
    .split("/")
    .map((part) => `/job/${encodeURIComponent(part)}`)
    .join("");
}
