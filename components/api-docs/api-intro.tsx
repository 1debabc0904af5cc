import type { SchemaNode } from "@/server/openapi/reference-view";
import { SchemaView } from "./schema-view";

const CODE = "rounded bg-slate-100 px-1 font-mono text-slate-900";
const LINK = "font-medium text-brand-700 underline underline-offset-2 hover:text-brand-600";
const CURL = `curl -H "Authorization: Bearer $ROADBOOK_TOKEN" \\
  "$ROADBOOK_URL/api/v1/use-cases?stage=PRODUCTION&limit=5"`;

/** What to know before the endpoints: version, credentials, errors, how to call it, the document. */
export function ApiIntro({
  title,
  version,
  sharedSchemas,
}: {
  title: string;
  version: string;
  /** Schemas the error responses refer to (Problem), each an anchor `#schema-<name>`. */
  sharedSchemas: { name: string; schema: SchemaNode }[];
}) {
  return (
    <div className="max-w-3xl space-y-4 text-sm text-slate-700">
      <p>
        {title}, version {version}: JSON in camelCase, money as decimal strings with a{" "}
        <code className={CODE}>currency</code>, dates as ISO 8601 strings. Generated from the schemas that validate the
        requests;{" "}
        <a href="/api/v1/openapi.json" download="roadbook-openapi.json" className={LINK}>
          download the OpenAPI 3.1 document (JSON)
        </a>{" "}
        for code generators and other tools.
      </p>

      <h2 className="text-lg font-semibold text-slate-900">Authentication</h2>
      <p>
        Send <code className={CODE}>Authorization: Bearer &lt;token&gt;</code>, or use the session cookie of a signed-in
        browser. A token acts as its user, within its scope (<code className={CODE}>read-only</code> tokens may only
        GET), until it expires. Create one on the{" "}
        <a href="/settings/tokens" className={LINK}>
          API tokens
        </a>{" "}
        page or with the CLI: <code className={CODE}>npm run roadbook -- token:create --email E --name N</code> (it is
        shown once).
      </p>

      <h2 className="text-lg font-semibold text-slate-900">Trying a request</h2>
      <p>This page has no request console: call the API with curl, or any HTTP client. For example:</p>
      <pre className="whitespace-pre-wrap break-all rounded-md bg-slate-100 p-3 font-mono text-xs text-slate-900">
        <code>{CURL}</code>
      </pre>

      <h2 className="text-lg font-semibold text-slate-900">Errors</h2>
      <p>
        Every error is an RFC 9457 problem (<code className={CODE}>application/problem+json</code>); a 422 lists the
        fields at fault in <code className={CODE}>errors</code>. Every answer carries an{" "}
        <code className={CODE}>x-request-id</code>.
      </p>
      {sharedSchemas.map(({ name, schema }) => (
        <section
          key={name}
          id={`schema-${name}`}
          aria-labelledby={`schema-${name}-heading`}
          className="scroll-mt-4 space-y-2 rounded-md border border-slate-200 bg-surface p-3"
        >
          <h3 id={`schema-${name}-heading`} className="font-semibold text-slate-800">
            The <span className="font-mono">{name}</span> schema
          </h3>
          <SchemaView schema={schema} />
        </section>
      ))}
    </div>
  );
}
