import "server-only";
import { DomainError } from "../errors";
import { sealSecret } from "../webhooks/secret-box";

type JenkinsInput = { jenkinsJob?: string | null; jenkinsUser?: string | null; jenkinsToken?: string | null };
type Stored = { jenkinsJob: string | null; jenkinsUser: string | null; jenkinsToken: string | null };

const invalid = (path: string, message: string) =>
  new DomainError("VALIDATION", "Some fields need attention.", { errors: [{ path, message }] });

/**
 * The Jenkins columns to write for a service of `kind`: only a Jenkins service names a job; a
 * token needs its user; the token is sealed; a field left out keeps its stored value, null
 * clears it. A new job (or a service that stops being Jenkins) forgets the last build read.
 */
export function jenkinsColumns(kind: string, input: JenkinsInput, stored?: Stored) {
  const given = [input.jenkinsJob, input.jenkinsUser, input.jenkinsToken].some((v) => v !== undefined && v !== null);
  if (kind !== "JENKINS") {
    if (given) throw invalid("jenkinsJob", "Only a Jenkins service reads a job's last build: choose the kind Jenkins.");
    return stored?.jenkinsJob || stored?.jenkinsToken
      ? {
          jenkinsJob: null,
          jenkinsUser: null,
          jenkinsToken: null,
          buildStatus: null,
          buildNumber: null,
          buildReason: null,
        }
      : {};
  }
  const job = input.jenkinsJob !== undefined ? input.jenkinsJob : (stored?.jenkinsJob ?? null);
  const user = input.jenkinsUser !== undefined ? input.jenkinsUser : (stored?.jenkinsUser ?? null);
  const hasToken = input.jenkinsToken !== undefined ? input.jenkinsToken !== null : Boolean(stored?.jenkinsToken);
  if (hasToken && !user) throw invalid("jenkinsUser", "Give the Jenkins user the API token belongs to.");
  if ((user || hasToken) && !job) throw invalid("jenkinsJob", "Name the job whose last build to read.");
  return {
    ...(input.jenkinsJob !== undefined ? { jenkinsJob: input.jenkinsJob } : {}),
    ...(input.jenkinsUser !== undefined ? { jenkinsUser: input.jenkinsUser } : {}),
    ...(input.jenkinsToken !== undefined
      ? { jenkinsToken: input.jenkinsToken === null ? null : sealSecret(input.jenkinsToken) }
      : {}),
    ...(job !== (stored?.jenkinsJob ?? null) ? { buildStatus: null, buildNumber: null, buildReason: null } : {}),
  };
}
