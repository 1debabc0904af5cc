import type { PropertyNode, SchemaNode } from "@/server/openapi/reference-view";
import { InlineCode } from "./inline-code";

// A JSON Schema as a nested list: each property's name, type, "required", description and
// constraints. Nested objects fold into native <details> (no script): closed, with the count of
// their fields in the summary.

export function SchemaView({ schema }: { schema: SchemaNode }) {
  return (
    // Code styles once here: a schema can hold hundreds of names and types.
    <div className="space-y-2 text-sm text-slate-700 [&_code]:break-all [&_code]:font-mono">
      <p className="flex flex-wrap items-baseline gap-x-2 gap-y-1">
        <TypeLabel type={schema.type} />
        <Constraints constraints={schema.constraints} />
      </p>
      {schema.description && (
        <p>
          <InlineCode text={schema.description} />
        </p>
      )}
      <Children schema={schema} />
    </div>
  );
}

function Children({ schema }: { schema: SchemaNode }) {
  return (
    <>
      {schema.properties && <PropertyList properties={schema.properties} />}
      {schema.variants?.map((variant, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the variants of a schema are a fixed list
        <div key={index} className="space-y-1">
          <p>
            One of ({index + 1}): <TypeLabel type={variant.type} />
          </p>
          <Children schema={variant} />
        </div>
      ))}
      {schema.truncated && <Truncated schema={schema} />}
    </>
  );
}

function PropertyList({ properties }: { properties: PropertyNode[] }) {
  return (
    <ul className="divide-y divide-slate-100 rounded-md border border-slate-200">
      {properties.map((property) => (
        <li key={property.name} className="space-y-1 px-3 py-2">
          <p className="flex flex-wrap items-baseline gap-x-2">
            <code className="font-semibold text-slate-900">{property.name}</code>
            <TypeLabel type={property.schema.type} />
            {property.required && <span className="text-xs font-medium text-rose-700">required</span>}
            <Constraints constraints={property.schema.constraints} />
          </p>
          {property.schema.description && (
            <p>
              <InlineCode text={property.schema.description} />
            </p>
          )}
          <Nested schema={property.schema} />
        </li>
      ))}
    </ul>
  );
}

/** A property's own fields, folded. */
function Nested({ schema }: { schema: SchemaNode }) {
  const count = schema.properties?.length ?? 0;
  if (!count && !schema.variants) return schema.truncated ? <Truncated schema={schema} /> : null;
  // `Condition[]`: the fields are each element's.
  const element = schema.type.replace(/\[\]( \| null)?$/, "");
  const what = count ? `${count} field${count === 1 ? "" : "s"}` : `${schema.variants?.length} variants`;
  return (
    <details>
      <summary className="cursor-pointer text-xs font-medium text-brand-700 hover:text-brand-600">
        {what} of {element !== schema.type && "each "}
        <code>{element}</code>
      </summary>
      <div className="mt-2 space-y-2">
        <Children schema={schema} />
      </div>
    </details>
  );
}

function Truncated({ schema }: { schema: SchemaNode }) {
  return (
    <p className="text-xs text-slate-600">
      {schema.truncated === "cycle"
        ? `Refers back to ${schema.type.replace(/\[\]| \| null/g, "")}, described above.`
        : "Nested too deep to show here: see the OpenAPI document."}
    </p>
  );
}

export function TypeLabel({ type }: { type: string }) {
  return <code className="break-all font-mono text-xs text-violet-700">{type}</code>;
}

function Constraints({ constraints }: { constraints: string[] }) {
  if (!constraints.length) return null;
  return <code className="break-all font-mono text-xs text-slate-600">{constraints.join(" · ")}</code>;
}
