// The one registry of the HTTP API's endpoints, from which server/openapi/document.ts builds the
// OpenAPI document. Request bodies and queries are the very zod schemas the handlers validate
// with; response bodies are the schemas of ./responses.ts (checked against the DTO types).
// server/openapi/openapi.test.ts fails when a route handler on disk is missing here (or in
// PENDING_ENDPOINTS), or when an entry here has no handler.
import "server-only";
import { z } from "zod";
import { CHECKLIST_STAGES } from "../../lib/checklist-templates";
import { ENVIRONMENTS } from "../../lib/services";
import { ApiTokenCreateSchema } from "../../lib/validation/api-token";
import { AuditQuerySchema } from "../../lib/validation/audit";
import { ChecklistItemUpdateSchema, TemplateUpdateSchema } from "../../lib/validation/checklist";
import { CommentListQuerySchema, CommentSchema } from "../../lib/validation/comment";
import { CostSchema } from "../../lib/validation/cost";
import { DecisionSchema, FeedbackSchema, GateRequestSchema, ReopenSchema } from "../../lib/validation/gate";
import { PortfolioFiltersSchema } from "../../lib/validation/portfolio";
import { ServiceCreateSchema, ServiceUpdateSchema } from "../../lib/validation/service";
import { UseCaseCreateSchema, UseCaseUpdateSchema } from "../../lib/validation/use-case";
import { UserAdminCreateSchema, UserListQuerySchema, UserUpdateSchema } from "../../lib/validation/user";
import { ActualSchema, EstimateSchema, OrgSettingsSchema } from "../../lib/validation/value";
import { WebhookCreateSchema, WebhookUpdateSchema } from "../../lib/validation/webhook";
import { UseCaseApiQuerySchema } from "../use-cases/list-use-cases";
import { FLOW_ENDPOINTS } from "./flow-endpoints";
import { ImportQuerySchema, ImportResultResponse } from "./import-responses";
import {
  ActualResponse,
  ApiTokenCreatedResponse,
  ApiTokenResponse,
  AuditPageResponse,
  ChecklistResponse,
  ChecklistTemplateResponse,
  CommentResponse,
  ComposePreviewResponse,
  ComposeSavedResponse,
  ConditionClosedResponse,
  CostResponse,
  DeliveryResponse,
  EstimateResponse,
  FeedbackResponse,
  GateResponse,
  HealthOkResponse,
  HealthUnavailableResponse,
  ManagedUserCreatedResponse,
  ManagedUserResponse,
  OrgSettingsResponse,
  OrgSettingsViewResponse,
  PortfolioSummaryResponse,
  ServiceCheckResponse,
  ServiceResponse,
  UseCasePageResponse,
  UseCaseResponse,
  UserListResponse,
  WebhookResponse,
  WebhookWithSecretResponse,
} from "./responses";
import { RISK_ENDPOINTS } from "./risk";
import { TOOLCHAIN_ENDPOINTS, TOOLCHAIN_TAG } from "./toolchain-endpoints";

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
  { name: "Meta", description: "Health and this document (no authentication)." },
  { name: "Risk", description: "The EU AI Act risk screening of a use case and its review (RISK)." },
  TOOLCHAIN_TAG,
] as const;
export type Tag = (typeof TAGS)[number]["name"];

/** Path parameters, by name, wherever `{name}` appears in a path. */
export const PATH_PARAMS = {
  key: z.string().meta({ description: "The use case's key.", examples: ["UC-12"] }),
  id: z.string().meta({ description: "The record's id (a gate review, a condition, a service, a token...)." }),
  itemId: z.string().meta({ description: "The checklist item's id." }),
  tokenId: z.string().meta({ description: "The API token's id." }),
  stage: z.enum(CHECKLIST_STAGES).meta({ description: "The checklist's stage." }),
} as const satisfies Record<string, z.ZodType>;

type Body =
  /** A JSON body validated by this zod schema (the handler's own). `optional`: an empty body is allowed. */
  | { schema: z.ZodType; optional?: boolean }
  /** A body that is not JSON (read as text). */
  | { contentType: string; description: string; maxBytes: number };

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
  success: { status: number; description: string; schema?: z.ZodType };
  /** Other non-problem answers (e.g. the health check's 503). */
  otherResponses?: { status: number; description: string; schema: z.ZodType }[];
  errors: readonly ErrorStatus[];
};

/** `?stage=`: app/api/v1/use-cases/[key]/checklist/route.ts hands it to getChecklist, which checks it. */
const ChecklistQuerySchema = z.object({
  stage: z
    .enum(CHECKLIST_STAGES)
    .optional()
    .meta({ description: "Which checklist; by default the current stage's (packaging's in production)." }),
});

/** The import handler's query parameters (read from the URL in its route file). */
const ComposeImportQuerySchema = z.object({
  baseUrl: z.string().meta({
    description: "The http(s) address the published ports hang off.",
    format: "uri",
    examples: ["http://ml-stack.example.com"],
  }),
  save: z
    .enum(["true"])
    .optional()
    .meta({ description: "`true` saves the proposed services (all or none) and answers 201." }),
  environment: z.enum(ENVIRONMENTS).default("DEV").meta({ description: "The environment of the saved services." }),
});

/** The template handler reads `expectedVersion` apart, then validates the rest with TemplateUpdateSchema. */
const TemplatePutSchema = TemplateUpdateSchema.extend({
  expectedVersion: z
    .number()
    .int()
    .meta({ description: "The version you edited (required): 409 when someone saved another since." }),
});

const OpenApiDocumentResponse = z
  .record(z.string(), z.unknown())
  .meta({ description: "The OpenAPI 3.1 document of this API." });

/**
 * Every authenticated endpoint can also answer what server/http/api-route.ts answers before its
 * handler runs: 401 (no or bad credentials) and 429 (a token over its rate limit).
 */
export const WRAPPER_ERRORS = [401, 429] as const satisfies readonly ErrorStatus[];

const READ = [401, 403, 404] as const;
const JSON_WRITE = [400, 401, 403, 404, 409, 413, 422] as const;

export const ENDPOINTS: readonly Endpoint[] = [
  // --- Meta ---
  {
    method: "GET",
    path: "/api/health",
    operationId: "getHealth",
    summary: "Health check",
    description: "200 when the database answers, 503 otherwise. No authentication.",
    tag: "Meta",
    public: true,
    success: { status: 200, description: "The database answers.", schema: HealthOkResponse },
    otherResponses: [{ status: 503, description: "The database does not answer.", schema: HealthUnavailableResponse }],
    errors: [],
  },
  {
    method: "GET",
    path: "/api/v1/openapi.json",
    operationId: "getOpenApiDocument",
    summary: "This OpenAPI document",
    tag: "Meta",
    public: true,
    success: { status: 200, description: "The OpenAPI 3.1 document.", schema: OpenApiDocumentResponse },
    errors: [],
  },

  // --- Use cases ---
  {
    method: "GET",
    path: "/api/v1/use-cases",
    operationId: "listUseCases",
    summary: "List use cases",
    description: "Filtered and sorted, a page at a time: pass `nextCursor` back as `cursor` for the next page.",
    tag: "Use cases",
    query: UseCaseApiQuerySchema,
    success: { status: 200, description: "A page of use cases.", schema: UseCasePageResponse },
    errors: [401, 403, 422],
  },
  {
    method: "POST",
    path: "/api/v1/use-cases",
    operationId: "createUseCase",
    summary: "Create a use case",
    description: "In POC, status ACTIVE. The creator's role: DATA_SCIENTIST, BUSINESS or ADMIN.",
    tag: "Use cases",
    body: { schema: UseCaseCreateSchema },
    success: { status: 201, description: "The new use case.", schema: UseCaseResponse },
    errors: [400, 401, 403, 413, 422],
  },
  {
    method: "GET",
    path: "/api/v1/use-cases/{key}",
    operationId: "getUseCase",
    summary: "Get a use case",
    tag: "Use cases",
    success: { status: 200, description: "The use case.", schema: UseCaseResponse },
    errors: READ,
  },
  {
    method: "PATCH",
    path: "/api/v1/use-cases/{key}",
    operationId: "updateUseCase",
    summary: "Edit a use case",
    description:
      "Send the `version` you started from: 409 (with `current`) when it is stale. The stage changes only through gate decisions.",
    tag: "Use cases",
    body: { schema: UseCaseUpdateSchema },
    success: { status: 200, description: "The use case (version + 1).", schema: UseCaseResponse },
    errors: JSON_WRITE,
  },
  {
    method: "POST",
    path: "/api/v1/use-cases/{key}/reopen",
    operationId: "reopenUseCase",
    summary: "Reopen a stopped use case",
    description: "ADMIN. The reason is kept in the audit trail; 409 when the use case is not stopped.",
    tag: "Use cases",
    body: { schema: ReopenSchema },
    success: { status: 200, description: "The use case, ACTIVE again.", schema: UseCaseResponse },
    errors: JSON_WRITE,
  },

  // --- Gates ---
  {
    method: "GET",
    path: "/api/v1/use-cases/{key}/gates",
    operationId: "listGates",
    summary: "List a use case's gate reviews",
    tag: "Gates",
    success: { status: 200, description: "The gate reviews, newest first.", schema: z.array(GateResponse) },
    errors: READ,
  },
  {
    method: "POST",
    path: "/api/v1/use-cases/{key}/gates",
    operationId: "requestGateReview",
    summary: "Request the review of the next gate",
    description:
      "The gate out of the current stage (owner or ADMIN). 409 when a review is open or the entry criteria are unmet (listed in `errors`). An empty body is allowed.",
    tag: "Gates",
    body: { schema: GateRequestSchema, optional: true },
    success: { status: 201, description: "The open review.", schema: GateResponse },
    errors: JSON_WRITE,
  },
  {
    method: "POST",
    path: "/api/v1/gates/{id}/decisions",
    operationId: "decideGate",
    summary: "Vote on a gate review",
    description:
      "A decider role of the gate, not the requester (403). GO needs every decider role; PAUSE or STOP closes the review at once. 409 when already decided, or when the vote would pass the gate but its entry criteria are no longer met (each unmet criterion in `errors`): the vote is not recorded and the review stays open.",
    tag: "Gates",
    body: { schema: DecisionSchema },
    success: { status: 201, description: "The review after the vote.", schema: GateResponse },
    errors: JSON_WRITE,
  },
  {
    method: "POST",
    path: "/api/v1/conditions/{id}/close",
    operationId: "closeCondition",
    summary: "Close a condition of a go with conditions",
    description: "The condition's owner or ADMIN; 409 when already closed.",
    tag: "Gates",
    success: { status: 200, description: "Closed.", schema: ConditionClosedResponse },
    errors: [401, 403, 404, 409],
  },

  // --- Checklists ---
  {
    method: "GET",
    path: "/api/v1/use-cases/{key}/checklist",
    operationId: "getChecklist",
    summary: "Get a use case's checklist",
    tag: "Checklists",
    query: ChecklistQuerySchema,
    success: { status: 200, description: "The checklist, its sign-off and progress.", schema: ChecklistResponse },
    errors: [401, 403, 404, 422],
  },
  {
    method: "PATCH",
    path: "/api/v1/use-cases/{key}/checklist/{itemId}",
    operationId: "updateChecklistItem",
    summary: "Update a checklist item",
    description:
      "Send the item's `version` you edited (required: 422 without it; 409 with `current` when stale). DONE needs an answer where the item has one; NOT_APPLICABLE needs a note. A change voids a standing sign-off.",
    tag: "Checklists",
    body: { schema: ChecklistItemUpdateSchema },
    success: { status: 200, description: "The whole checklist after the change.", schema: ChecklistResponse },
    errors: JSON_WRITE,
  },
  {
    method: "POST",
    path: "/api/v1/use-cases/{key}/checklist/sign-off",
    operationId: "signOffChecklist",
    summary: "Sign the checklist off (IT)",
    description: "409 when an item is not DONE or NOT_APPLICABLE (listed in `errors`) or it is already signed off.",
    tag: "Checklists",
    success: { status: 201, description: "The signed-off checklist.", schema: ChecklistResponse },
    errors: [401, 403, 404, 409],
  },
  {
    method: "GET",
    path: "/api/v1/checklist-templates",
    operationId: "listChecklistTemplates",
    summary: "List the checklist templates",
    tag: "Checklists",
    success: {
      status: 200,
      description: "The current version of each stage's template.",
      schema: z.array(ChecklistTemplateResponse),
    },
    errors: [401, 403],
  },
  {
    method: "PUT",
    path: "/api/v1/checklist-templates/{stage}",
    operationId: "updateChecklistTemplate",
    summary: "Save a new version of a checklist template",
    description: "ADMIN. Answered items cannot be left out, only retired. Running checklists keep their version.",
    tag: "Checklists",
    body: { schema: TemplatePutSchema },
    success: { status: 200, description: "The new version.", schema: ChecklistTemplateResponse },
    errors: JSON_WRITE,
  },

  // --- Value ---
  {
    method: "GET",
    path: "/api/v1/use-cases/{key}/estimates",
    operationId: "listEstimates",
    summary: "List estimate revisions",
    tag: "Value",
    success: {
      status: 200,
      description: "The revisions, newest first, with their computed figures.",
      schema: z.array(EstimateResponse),
    },
    errors: READ,
  },
  {
    method: "POST",
    path: "/api/v1/use-cases/{key}/estimates",
    operationId: "createEstimate",
    summary: "Revise the estimate",
    description: "The owner, the sponsor or ADMIN. The revision also becomes the use case's `ebitda`.",
    tag: "Value",
    body: { schema: EstimateSchema },
    success: { status: 201, description: "The new revision.", schema: EstimateResponse },
    errors: [400, 401, 403, 404, 413, 422],
  },
  {
    method: "GET",
    path: "/api/v1/use-cases/{key}/actuals",
    operationId: "listActuals",
    summary: "List realised EBITDA",
    tag: "Value",
    success: { status: 200, description: "The months recorded, oldest first.", schema: z.array(ActualResponse) },
    errors: READ,
  },
  {
    method: "POST",
    path: "/api/v1/use-cases/{key}/actuals",
    operationId: "createActual",
    summary: "Record a month's realised EBITDA",
    description: "In PRODUCTION only (409 otherwise, or when the month is already recorded).",
    tag: "Value",
    body: { schema: ActualSchema },
    success: { status: 201, description: "The recorded month.", schema: ActualResponse },
    errors: JSON_WRITE,
  },
  {
    method: "GET",
    path: "/api/v1/use-cases/{key}/feedback",
    operationId: "listFeedback",
    summary: "List user feedback",
    tag: "Value",
    success: { status: 200, description: "The feedback, newest first.", schema: z.array(FeedbackResponse) },
    errors: READ,
  },
  {
    method: "POST",
    path: "/api/v1/use-cases/{key}/feedback",
    operationId: "createFeedback",
    summary: "Record user feedback",
    tag: "Value",
    body: { schema: FeedbackSchema },
    success: { status: 201, description: "The recorded feedback.", schema: FeedbackResponse },
    errors: [400, 401, 403, 404, 413, 422],
  },

  // --- Discussion ---
  {
    method: "GET",
    path: "/api/v1/use-cases/{key}/comments",
    operationId: "listComments",
    summary: "List a thread's comments",
    description: "The use case's own thread, or a gate review's with `gateReviewId`; oldest first.",
    tag: "Discussion",
    query: CommentListQuerySchema,
    success: {
      status: 200,
      description: "The comments.",
      schema: z.object({ items: z.array(CommentResponse) }),
    },
    errors: [401, 403, 404, 422],
  },
  {
    method: "POST",
    path: "/api/v1/use-cases/{key}/comments",
    operationId: "createComment",
    summary: "Comment, and @mention people",
    description:
      "Plain text. `mentions` are user ids; the server keeps the active people whose `@Full Name` is in the text and notifies each once.",
    tag: "Discussion",
    body: { schema: CommentSchema },
    success: { status: 201, description: "The comment.", schema: CommentResponse },
    errors: [400, 401, 403, 404, 413, 422],
  },

  // --- Audit ---
  {
    method: "GET",
    path: "/api/v1/audit",
    operationId: "listAuditEvents",
    summary: "Read the append-only audit trail",
    description:
      "Newest first. With `useCase`, any reader of the use case; without it (or to filter the whole trail), ADMIN only.",
    tag: "Audit",
    query: AuditQuerySchema,
    success: { status: 200, description: "One page of events.", schema: AuditPageResponse },
    errors: [401, 403, 404, 422],
  },

  // --- Tokens ---
  {
    method: "GET",
    path: "/api/v1/tokens",
    operationId: "listApiTokens",
    summary: "List your API tokens",
    description: "Never the secrets: only their first characters.",
    tag: "Tokens",
    success: {
      status: 200,
      description: "Your tokens, newest first.",
      schema: z.object({ items: z.array(ApiTokenResponse) }),
    },
    errors: [401, 403],
  },
  {
    method: "POST",
    path: "/api/v1/tokens",
    operationId: "createApiToken",
    summary: "Create an API token",
    description:
      "It acts as you, with your role, within its `scope` (`read-only`: GET only; default `read-write`), until it expires (`expiresInDays`, default 90, at most 365). The secret is in this answer only. Needs a browser session signed in within the last 15 minutes: an API token cannot create tokens (403), nor can an older session (403: sign in again). Scripts and operators use the CLI `token:create`.",
    tag: "Tokens",
    sessionOnly: true,
    body: { schema: ApiTokenCreateSchema },
    success: { status: 201, description: "The new token, with its secret.", schema: ApiTokenCreatedResponse },
    errors: [400, 401, 403, 409, 413, 422],
  },
  {
    method: "DELETE",
    path: "/api/v1/tokens/{id}",
    operationId: "revokeApiToken",
    summary: "Revoke one of your API tokens",
    description: "Takes effect at once: the next request with it gets 401.",
    tag: "Tokens",
    success: { status: 200, description: "The token, revoked.", schema: ApiTokenResponse },
    errors: [401, 403, 404],
  },
  {
    method: "GET",
    path: "/api/v1/users/{id}/tokens",
    operationId: "listUserApiTokens",
    summary: "List a user's API tokens",
    description: "ADMIN. Never the secrets: only their first characters. Revoked and expired tokens too.",
    tag: "Tokens",
    success: {
      status: 200,
      description: "The user's tokens, newest first.",
      schema: z.object({ items: z.array(ApiTokenResponse) }),
    },
    errors: [401, 403, 404],
  },
  {
    method: "DELETE",
    path: "/api/v1/users/{id}/tokens/{tokenId}",
    operationId: "revokeUserApiToken",
    summary: "Revoke a user's API token",
    description:
      "ADMIN. Takes effect at once: the next request with it gets 401. Revoking a revoked token answers it as is.",
    tag: "Tokens",
    success: { status: 200, description: "The token, revoked.", schema: ApiTokenResponse },
    errors: [401, 403, 404],
  },

  // --- Webhooks (ADMIN) ---
  {
    method: "GET",
    path: "/api/v1/webhooks",
    operationId: "listWebhooks",
    summary: "List webhooks",
    tag: "Webhooks",
    success: { status: 200, description: "The webhooks (never their secrets).", schema: z.array(WebhookResponse) },
    errors: [401, 403],
  },
  {
    method: "POST",
    path: "/api/v1/webhooks",
    operationId: "createWebhook",
    summary: "Register a webhook",
    description:
      'The URL must pass the health probe\'s address policy. Deliveries are POSTs signed with `roadbook-signature: t=<unix>,v1=<hex HMAC-SHA256 of "<t>.<body>">`.',
    tag: "Webhooks",
    body: { schema: WebhookCreateSchema },
    success: {
      status: 201,
      description: "The webhook, with its secret (shown once).",
      schema: WebhookWithSecretResponse,
    },
    errors: [400, 401, 403, 413, 422],
  },
  {
    method: "GET",
    path: "/api/v1/webhooks/{id}",
    operationId: "getWebhook",
    summary: "Read a webhook",
    tag: "Webhooks",
    success: { status: 200, description: "The webhook.", schema: WebhookResponse },
    errors: [401, 403, 404],
  },
  {
    method: "PATCH",
    path: "/api/v1/webhooks/{id}",
    operationId: "updateWebhook",
    summary: "Edit a webhook",
    description: "With the current `version` (409 with `current` when stale).",
    tag: "Webhooks",
    body: { schema: WebhookUpdateSchema },
    success: { status: 200, description: "The webhook (version + 1).", schema: WebhookResponse },
    errors: [400, 401, 403, 404, 409, 413, 422],
  },
  {
    method: "DELETE",
    path: "/api/v1/webhooks/{id}",
    operationId: "deleteWebhook",
    summary: "Remove a webhook and its delivery log",
    tag: "Webhooks",
    success: { status: 204, description: "Removed." },
    errors: [401, 403, 404],
  },
  {
    method: "POST",
    path: "/api/v1/webhooks/{id}/test",
    operationId: "testWebhook",
    summary: "Send a ping now",
    tag: "Webhooks",
    success: { status: 201, description: "The ping delivery, with its result.", schema: DeliveryResponse },
    errors: [401, 403, 404],
  },
  {
    method: "POST",
    path: "/api/v1/webhooks/{id}/rotate-secret",
    operationId: "rotateWebhookSecret",
    summary: "Replace the signing secret",
    tag: "Webhooks",
    success: {
      status: 200,
      description: "The webhook with its new secret (shown once).",
      schema: WebhookWithSecretResponse,
    },
    errors: [401, 403, 404],
  },
  {
    method: "GET",
    path: "/api/v1/webhooks/{id}/deliveries",
    operationId: "listWebhookDeliveries",
    summary: "The delivery log",
    tag: "Webhooks",
    success: { status: 200, description: "The last 50 deliveries, newest first.", schema: z.array(DeliveryResponse) },
    errors: [401, 403, 404],
  },
  {
    method: "POST",
    path: "/api/v1/webhook-deliveries/{id}/retry",
    operationId: "retryWebhookDelivery",
    summary: "Make a failed or pending delivery due now",
    tag: "Webhooks",
    success: { status: 200, description: "The delivery, pending and due.", schema: DeliveryResponse },
    errors: [401, 403, 404, 409],
  },

  // --- Services ---
  {
    method: "GET",
    path: "/api/v1/use-cases/{key}/services",
    operationId: "listServices",
    summary: "List a use case's services",
    tag: "Services",
    success: { status: 200, description: "The services with their health.", schema: z.array(ServiceResponse) },
    errors: READ,
  },
  {
    method: "POST",
    path: "/api/v1/use-cases/{key}/services",
    operationId: "createService",
    summary: "Register a service",
    description: "The kind is guessed from the URL when not given.",
    tag: "Services",
    body: { schema: ServiceCreateSchema },
    success: { status: 201, description: "The service.", schema: ServiceResponse },
    errors: [400, 401, 403, 404, 413, 422],
  },
  {
    method: "POST",
    path: "/api/v1/use-cases/{key}/services/import",
    operationId: "importComposeServices",
    summary: "Read a docker-compose file into services",
    description:
      "A preview of the services the file publishes (200); with `save=true` the proposed ones are saved too (201).",
    tag: "Services",
    query: ComposeImportQuerySchema,
    body: {
      contentType: "application/yaml",
      description: "A docker-compose file (YAML, 1 MB at most).",
      maxBytes: 1024 * 1024,
    },
    success: { status: 200, description: "The preview.", schema: ComposePreviewResponse },
    otherResponses: [
      {
        status: 201,
        description: "With `save=true`: the preview and the saved services.",
        schema: ComposeSavedResponse,
      },
    ],
    errors: [401, 403, 404, 413, 422],
  },
  {
    method: "PATCH",
    path: "/api/v1/services/{id}",
    operationId: "updateService",
    summary: "Edit a service",
    description: "Send the `version` you edited: 409 (with `current`) when it is stale.",
    tag: "Services",
    body: { schema: ServiceUpdateSchema },
    success: { status: 200, description: "The service.", schema: ServiceResponse },
    errors: JSON_WRITE,
  },
  {
    method: "DELETE",
    path: "/api/v1/services/{id}",
    operationId: "deleteService",
    summary: "Delete a service",
    tag: "Services",
    success: { status: 204, description: "Deleted." },
    errors: [401, 403, 404],
  },
  {
    method: "POST",
    path: "/api/v1/services/{id}/check",
    operationId: "checkService",
    summary: "Probe a service now",
    description: "BLOCKED when the SSRF policy refuses the address (nothing is fetched then).",
    tag: "Services",
    success: { status: 200, description: "The probe's result.", schema: ServiceCheckResponse },
    errors: [401, 403, 404],
  },

  // --- Portfolio, settings ---
  {
    method: "GET",
    path: "/api/v1/portfolio/summary",
    operationId: "getPortfolioSummary",
    summary: "Portfolio figures",
    description:
      "Counts, money (decimal strings in the organisation currency), conversion per gate and time in stage, for the use cases matching the filters. Unknown parameters: 422.",
    tag: "Portfolio",
    query: PortfolioFiltersSchema,
    success: { status: 200, description: "The figures.", schema: PortfolioSummaryResponse },
    errors: [401, 403, 422],
  },
  {
    method: "GET",
    path: "/api/v1/settings",
    operationId: "getSettings",
    summary: "The organisation's settings",
    description:
      "Any signed-in user. `probeAllow` (the internal hosts and networks health probes may reach) is shown to ADMIN only.",
    tag: "Settings",
    success: {
      status: 200,
      description: "The settings (defaults until an admin saves them).",
      schema: OrgSettingsViewResponse,
    },
    errors: [401],
  },
  {
    method: "PATCH",
    path: "/api/v1/settings",
    operationId: "updateSettings",
    summary: "Change the organisation's settings",
    description:
      "ADMIN. Only the fields sent are written. `version` (as read) is required (422 without it); a save made after another one is refused with 409 and `current`.",
    tag: "Settings",
    body: { schema: OrgSettingsSchema },
    success: { status: 200, description: "The settings.", schema: OrgSettingsResponse },
    errors: [400, 401, 403, 409, 413, 422],
  },
  {
    method: "GET",
    path: "/api/v1/users",
    operationId: "listUsers",
    summary: "List users",
    description: "ADMIN. By name; at most 500 items, `count` is the number matching.",
    tag: "Users",
    query: UserListQuerySchema,
    success: { status: 200, description: "The users matching the filters.", schema: UserListResponse },
    errors: [401, 403, 422],
  },
  {
    method: "POST",
    path: "/api/v1/users",
    operationId: "createUser",
    summary: "Create (or invite) a user",
    description: "ADMIN. A first password is generated and returned once, to hand over (no email is sent).",
    tag: "Users",
    body: { schema: UserAdminCreateSchema },
    success: { status: 201, description: "The user, with its first password.", schema: ManagedUserCreatedResponse },
    errors: [400, 401, 403, 409, 413, 422],
  },
  {
    method: "PATCH",
    path: "/api/v1/users/{id}",
    operationId: "updateUser",
    summary: "Change a user's role, team or access",
    description:
      "ADMIN. Users are never deleted: `active: false` deactivates. Assigning a role to a user awaiting one lets them in. 409 when it would leave no active admin, or when `updatedAt` is stale (with `current`). `updatedAt` as read is required (422 without it). Applies from the user's next request.",
    tag: "Users",
    body: { schema: UserUpdateSchema },
    success: { status: 200, description: "The user.", schema: ManagedUserResponse },
    errors: [400, 401, 403, 404, 409, 413, 422],
  },

  // --- Costs ---
  {
    method: "GET",
    path: "/api/v1/use-cases/{key}/costs",
    operationId: "listCosts",
    summary: "List a use case's costs",
    tag: "Value",
    success: {
      status: 200,
      description: "The cost lines, oldest month first, then by category.",
      schema: z.array(CostResponse),
    },
    errors: READ,
  },
  {
    method: "POST",
    path: "/api/v1/use-cases/{key}/costs",
    operationId: "createCost",
    summary: "Record a month's cost in one category",
    description:
      "BUSINESS and IT on any use case; the owner or sponsor. At any stage. PEOPLE takes `fteDays`, priced at the settings' `peopleDayRate` (409 while none is set, or when the use case counts in another currency); the other categories take `amount`. 409 when the (period, category) is already recorded.",
    tag: "Value",
    body: { schema: CostSchema },
    success: { status: 201, description: "The recorded cost line.", schema: CostResponse },
    errors: JSON_WRITE,
  },
  ...RISK_ENDPOINTS,
  // --- Import ---
  {
    method: "POST",
    path: "/api/v1/imports/use-cases",
    operationId: "importUseCases",
    summary: "Import use cases from a CSV file",
    description:
      "The file is the body (`text/csv`: UTF-8 with or without BOM, comma, semicolon, tab or pipe, quoted fields; 10 MB and 20,000 rows at most). A dry run (the default) answers what each row would do. `dryRun=false` writes all rows or none: when a row is invalid nothing is written and the answer is a 422 problem carrying the same members. A row with a `Key` (UC-n) or a known `External id` updates that use case; the same file twice gives `unchanged` on every row. ADMIN and BUSINESS import; a DATA_SCIENTIST only use cases they own (another owner: 403); IT may not. XLSX (`application/vnd.openxmlformats-officedocument.spreadsheetml.sheet`) answers 415 for now: save the sheet as CSV UTF-8.",
    tag: "Use cases",
    query: ImportQuerySchema,
    body: { contentType: "text/csv", description: "The CSV file (10 MB at most).", maxBytes: 10 * 1024 * 1024 },
    success: { status: 200, description: "What each row does (or did).", schema: ImportResultResponse },
    errors: [401, 403, 413, 415, 422],
  },
  ...TOOLCHAIN_ENDPOINTS,
  ...FLOW_ENDPOINTS,
];

/**
 * ===== PENDING_ENDPOINTS: for the lead =====
 * Endpoints being built elsewhere right now (audit, comments, webhooks, API tokens), reserved so
 * the completeness test passes while they land; they are NOT in the document yet. For each one:
 * add a full `Endpoint` to ENDPOINTS (with its real zod request schema, and a response schema in
 * ./responses.ts checked against its DTO type), then delete its reservation here (the test fails
 * while an endpoint is both documented and reserved). Handlers seen on disk when this was written
 * are listed; `GET /api/v1/audit` is also promised by docs/api-v1.md.
 */
export type PendingEndpoint = { method: HttpMethod; path: string };
export const PENDING_ENDPOINTS: readonly PendingEndpoint[] = [];
