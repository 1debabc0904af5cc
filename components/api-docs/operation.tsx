import type { OperationView, ParameterView, ResponseView } from "@/server/openapi/reference-view";
import { InlineCode } from "./inline-code";
import { MethodBadge, StatusCode } from "./method-badge";
import { SchemaView, TypeLabel } from "./schema-view";

const AUTH_NOTES: Record<OperationView["auth"], string | undefined> = {
  public: "Public: no credentials needed.",
  session: "Browser session only: an API token cannot call this.",
  token: undefined,
};

/** One operation: its anchor is the operationId, its heading the summary. */
export function Operation({ operation }: { operation: OperationView }) {
  const auth = AUTH_NOTES[operation.auth];
  return (
    <section
      id={operation.id}
      className="scroll-mt-4 space-y-4 rounded-lg border border-slate-200 bg-surface p-4 target:ring-2 target:ring-brand-500"
    >
      <header className="space-y-2">
        <h3 className="text-lg font-semibold text-slate-900">{operation.summary}</h3>
        <p className="flex flex-wrap items-center gap-2">
          <MethodBadge method={operation.method} />{" "}
          <code className="break-all font-mono text-sm text-slate-900">{operation.path}</code>
        </p>
        {operation.description && (
          <p className="text-sm text-slate-700">
            <InlineCode text={operation.description} />
          </p>
        )}
        {auth && <p className="text-sm text-slate-600">{auth}</p>}
      </header>

      {operation.parameters.length > 0 && (
        <div className="space-y-2">
          <h4 className="text-sm font-semibold text-slate-800">Parameters</h4>
          <Parameters parameters={operation.parameters} />
        </div>
      )}

      {operation.requestBody && (
        <div className="space-y-2">
          <h4 className="text-sm font-semibold text-slate-800">
            Request body{" "}
            <span className="font-normal text-slate-600">
              ({operation.requestBody.required ? "required" : "optional"}, {operation.requestBody.contentType})
            </span>
          </h4>
          {operation.requestBody.description && (
            <p className="text-sm text-slate-700">
              <InlineCode text={operation.requestBody.description} />
            </p>
          )}
          <SchemaView schema={operation.requestBody.schema} />
        </div>
      )}

      <div className="space-y-2">
        <h4 className="text-sm font-semibold text-slate-800">Responses</h4>
        <ul className="space-y-3">
          {operation.responses.map((response) => (
            <Response key={response.status} response={response} />
          ))}
        </ul>
      </div>
    </section>
  );
}

function Parameters({ parameters }: { parameters: ParameterView[] }) {
  return (
    <table className="w-full border-collapse text-left text-sm">
      <thead>
        <tr className="border-b border-slate-200 text-xs text-slate-600">
          <th scope="col" className="py-1 pr-2 font-medium">
            Name
          </th>
          <th scope="col" className="py-1 pr-2 font-medium">
            In
          </th>
          <th scope="col" className="py-1 pr-2 font-medium">
            Required
          </th>
          <th scope="col" className="py-1 pr-2 font-medium">
            Type
          </th>
          <th scope="col" className="py-1 font-medium">
            Description
          </th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100 align-top">
        {parameters.map((parameter) => (
          <tr key={`${parameter.in}:${parameter.name}`}>
            <td className="py-1.5 pr-2">
              <code className="break-all font-mono font-semibold text-slate-900">{parameter.name}</code>
            </td>
            <td className="py-1.5 pr-2 text-slate-700">{parameter.in}</td>
            <td className="py-1.5 pr-2 text-slate-700">{parameter.required ? "yes" : "no"}</td>
            <td className="py-1.5 pr-2">
              <TypeLabel type={parameter.type} />
            </td>
            <td className="break-words py-1.5 text-slate-700">
              {parameter.description && <InlineCode text={parameter.description} />}
              {parameter.constraints.length > 0 && (
                <span className="block text-xs text-slate-600">
                  <code className="break-all font-mono">{parameter.constraints.join(" · ")}</code>
                </span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Response({ response }: { response: ResponseView }) {
  return (
    <li className="space-y-2 rounded-md border border-slate-200 p-3">
      <p className="flex flex-wrap items-baseline gap-2 text-sm">
        <StatusCode status={response.status} />
        <span className="text-slate-800">
          <InlineCode text={response.description} />
        </span>
        {response.contentType && <code className="font-mono text-xs text-slate-600">{response.contentType}</code>}
      </p>
      {response.headers.map((header) => (
        <p key={header.name} className="text-xs text-slate-700">
          Header <code className="font-mono font-semibold">{header.name}</code> <TypeLabel type={header.type} />
          {header.description && `: ${header.description}`}
        </p>
      ))}
      {response.sharedSchema && (
        <p className="text-xs text-slate-700">
          Body:{" "}
          <a
            href={`/api-docs#schema-${response.sharedSchema}`}
            className="font-mono text-brand-700 underline underline-offset-2 hover:text-brand-600"
          >
            {response.sharedSchema}
          </a>
        </p>
      )}
      {response.schema && <SchemaView schema={response.schema} />}
    </li>
  );
}
