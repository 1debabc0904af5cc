// A local Jenkins for tests (Jenkins is not installed on CI machines). It serves what Roadbook
// reads, `GET /job/<name>/lastBuild/api/json` (folders as /job/<folder>/job/<name>/…), the way
// Jenkins' Remote Access API documents it: the Run's fields (test-support/fakes/jenkins-fixtures/),
// `result` SUCCESS | UNSTABLE | FAILURE | NOT_BUILT | ABORTED, or null while `building`; HTTP
// basic auth `user:apiToken` (401 without it); 404 for an unknown job or one never built.
// server/services/jenkins-fake.test.ts checks it against the fixtures.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { jenkinsJobPath } from "@/lib/services";

export type JenkinsResult = "SUCCESS" | "UNSTABLE" | "FAILURE" | "NOT_BUILT" | "ABORTED" | null;
export type FakeBuild = { number: number; result: JenkinsResult };

const STARTED = 1733400000000;

export class FakeJenkins {
  /** Job path ("team/churn-deploy") -> its last build (none: never built). */
  readonly jobs = new Map<string, FakeBuild | null>();
  /** Every request: path and Authorization header. */
  readonly requests: { path: string; authorization: string | undefined }[] = [];
  /** "user:token" that requests must carry as basic auth (null: anonymous read allowed). */
  credentials: string | null = null;
  /** Answer every request with a redirect here (a proxy sending elsewhere). */
  redirectTo: string | null = null;
  private server: http.Server | null = null;
  url = "";

  setLastBuild(job: string, build: FakeBuild | null): void {
    this.jobs.set(job, build);
  }

  /** What /lastBuild/api/json answers for a build. */
  buildJson(job: string, build: FakeBuild) {
    const building = build.result === null;
    return {
      _class: "hudson.model.FreeStyleBuild",
      building,
      displayName: `#${build.number}`,
      duration: building ? 0 : 48213,
      estimatedDuration: 51002,
      fullDisplayName: `${job.split("/").join(" » ")} #${build.number}`,
      id: String(build.number),
      number: build.number,
      result: build.result,
      timestamp: STARTED + build.number * 60_000,
      url: `${this.url}${jenkinsJobPath(job)}/${build.number}/`,
    };
  }

  async start(): Promise<string> {
    this.server = http.createServer((req, res) => {
      req.resume();
      req.on("end", () => {
        const path = new URL(req.url ?? "/", "http://fake").pathname;
        this.requests.push({ path, authorization: req.headers.authorization });
        if (this.redirectTo) return res.writeHead(302, { location: this.redirectTo }).end();
        if (
          this.credentials &&
          req.headers.authorization !== `Basic ${Buffer.from(this.credentials).toString("base64")}`
        )
          return res
            .writeHead(401, { "content-type": "text/html;charset=utf-8", "www-authenticate": 'Basic realm="Jenkins"' })
            .end("<html><body>Authentication required</body></html>");
        const match = /^((?:\/job\/[^/]+)+)\/lastBuild\/api\/json$/.exec(path);
        const job = match?.[1]
          ?.split("/job/")
          .filter(Boolean)
          .map((part) => decodeURIComponent(part))
          .join("/");
        const build = job !== undefined ? this.jobs.get(job) : undefined;
        if (req.method !== "GET" || !job || !build)
          return res
            .writeHead(404, { "content-type": "text/html;charset=utf-8" })
            .end("<html><body>Not Found</body></html>");
        res
          .writeHead(200, { "content-type": "application/json;charset=utf-8" })
          .end(JSON.stringify(this.buildJson(job, build)));
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }
}
