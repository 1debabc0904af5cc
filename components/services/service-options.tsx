import { ENVIRONMENT_LABELS, ENVIRONMENTS, SERVICE_KIND_LABELS, SERVICE_KINDS } from "@/lib/services";

/** The <option>s of a service-kind select. */
export function KindOptions() {
  return SERVICE_KINDS.map((kind) => (
    <option key={kind} value={kind}>
      {SERVICE_KIND_LABELS[kind]}
    </option>
  ));
}

/** The <option>s of an environment select. */
export function EnvironmentOptions() {
  return ENVIRONMENTS.map((env) => (
    <option key={env} value={env}>
      {ENVIRONMENT_LABELS[env]}
    </option>
  ));
}
