// What an endpoint of the HTTP API is: its methods, error statuses, tags and path parameters, and
// the shape of one entry of the registry (./paths/index.ts) that ./document.ts builds the
// OpenAPI document from.
import "server-only";
import { z } from "zod";
import { CHECKLIST_STAGES } from "@/lib/checklist-templates";

export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** Error statuses an endpoint can answer, each an RFC 9457 problem (components.responses). */
export const ERROR_STATUSES = [400, 401, 403, 404, 409, 413, 422, 429, 415] as const;
export type ErrorStatus = (typeof ERROR_STATUSES)[number];

export const TAGS = [
  { name: "Use cases", description: "The use cases of the portfolio (`docs/api-v1.md`, Use cases)." },
  { name: "Gates", description: "Go/no-go reviews between stages, their decisions and conditions." },
  { name: "Checklists", description: "The prototype and packaging checklists, their templates and IT's sign-off." },
  { name: "Value", description: "Estimate revisions, realised EBITDA and user feedback." },
  { name: "Services", description: "Deployed services, their health probes and docker-compose import." },
  { name: "Portfolio", description: "Figures over the whole portfolio." },
  { name: "Settings", description: "The organisation's settings." },
  { name: "Users", description: "People, their roles, teams and access (ADMIN)." },
  { name: "Discussion", description: "Comment threads on use cases and gate reviews, with @mentions." },
  { name: "Audit", description: "The append-only audit trail." },
  { name: "Tokens", description: "API tokens: the caller's own, and (ADMIN) any user's." },
  { name: "Webhooks", description: "Outgoing webhooks (ADMIN): signed event deliveries with retries and a log." },
  { name: "Views", description: "Saved views of the use-case list: filters, sort and columns, personal or shared." },
  { name: "Meta", description: "Health and this document (no authentication)." },
  { name: "Risk", description: "The EU AI Act risk screening of a use case and its review (RISK)." },
  {
    name: "Attachments",
    description: "Evidence files on checklist items, gate requests and risk screening answers.",
  },
  {
    name: "Toolchain",
    description: "Model registries (MLflow), linked models, the code repository and the deployment-approval check.",
  },
] as const;
export type Tag = (typeof TAGS)[number]["name"];

/** Path parameters, by name, wherever `{name}` appears in a path. */
export const PATH_PARAMS = {
  key: z.string().meta({ description: "The use case's key.", examples: ["UC-12"] }),
  id: z.string().meta({ description: "The record's id (a gate review, a condition, a service, a token, a view...)." }),
  itemId: z.string().meta({ description: "The checklist item's id." }),
  tokenId: z.string().meta({ description: "The API token's id." }),
  stage: z.enum(CHECKLIST_STAGES).meta({ description: "The checklist's stage." }),
} as const satisfies Record<string, z.ZodType>;

type Body =
  /** A JSON body validated by this zod schema (the handler's own). `optional`: an empty body is allowed. */
  | { schema: z.ZodType; optional?: boolean }
  /** A body that is not JSON (read as text, or as bytes when `binary`). */
  | {
      contentType: string;
      description: string;
      maxBytes: number;
      binary?: boolean;
      /** Other media types the same body may have (the import reads CSV text and XLSX bytes). */
      also?: { contentType: string; binary?: boolean }[];
    };

export type Endpoint = {
  method: HttpMethod;
  /** OpenAPI style: `/api/v1/use-cases/{key}`. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: Tag;
  /** Answers without credentials (no Bearer token, no session). */
  public?: boolean;
  /** Needs a browser session that signed in recently: an API token is refused (403). */
  sessionOnly?: boolean;
  /** The query parameters: a zod object, one parameter per key. */
  query?: z.ZodObject;
  body?: Body;
  /** `binary`: the answer is a file of this content type, not JSON. */
  success: { status: number; description: string; schema?: z.ZodType; binary?: string };
  /** Other non-problem answers (e.g. the health check's 503). */
  otherResponses?: { status: number; description: string; schema: z.ZodType }[];
  errors: readonly ErrorStatus[];
};

/**
 * Every authenticated endpoint can also answer what server/http/api-route.ts answers before its
 * handler runs: 401 (no or bad credentials) and 429 (a token over its rate limit).
 */
export const WRAPPER_ERRORS = [401, 429] as const satisfies readonly ErrorStatus[];

/** The usual errors of a read, and of a write with a JSON body. */
export const READ = [401, 403, 404] as const;
export const JSON_WRITE = [400, 401, 403, 404, 409, 413, 422] as const;
