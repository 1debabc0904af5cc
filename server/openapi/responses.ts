// zod schemas of the API's response bodies, for the OpenAPI document only (responses are not
// validated at run time). Each mirrors a DTO type of server/; the compile-time check at the end
// fails `tsc` when a DTO changes and its schema here does not (or the other way round).
import "server-only";
import { z } from "zod";
import { CHECKLIST_STAGES, CHECKLIST_STATUSES, SERVICE_KINDS } from "../../lib/checklist-templates";
import { BENEFIT_AREAS, DECISIONS, GATE_STATUSES, ROLES, STAGES, STATUSES, STOP_REASONS } from "../../lib/lifecycle";
import { RISK_TIERS } from "../../lib/risk-screening";
import { ENVIRONMENTS, HEALTH_STATUSES } from "../../lib/services";
import { COST_CATEGORIES } from "../../lib/validation/cost-categories";
import { PortfolioFiltersSchema } from "../../lib/validation/portfolio";
import type { listAuditEvents } from "../audit/list-events";
import type { ApiTokenDto, createMyApiToken } from "../auth/my-api-tokens";
import type { ChecklistDto, ChecklistItemDto } from "../checklists/checklist-dto";
import type { TemplateDto } from "../checklists/manage-templates";
import type { CommentDto } from "../comments/comment-dto";
import type { FieldIssue } from "../errors";
import type { FeedbackDto } from "../feedback/feedback";
import type { closeCondition } from "../gates/close-condition";
import type { EstimateSnapshot } from "../gates/estimate-snapshot";
import type { ConditionDto, GateDto } from "../gates/gate-dto";
import type { PortfolioSummary } from "../portfolio/portfolio-summary";
import type { ProposedService } from "../services/compose-import";
import type { ServiceDto } from "../services/service-dto";
import type { OrgSettingsDto, OrgSettingsView } from "../settings/org-settings";
import type { UseCaseDto } from "../use-cases/use-case-dto";
import type { CreatedManagedUserDto, ManagedUserDto } from "../users/manage-users";
import type { ActualDto } from "../value/actuals";
import type { CostDto } from "../value/costs";
import type { EstimateDto } from "../value/estimate-dto";
import type { DeliveryDto, WebhookDto, WebhookWithSecretDto } from "../webhooks/webhook-dto";
import { ModelLinkResponse, RegistryResponse } from "./toolchain-responses";

// --- Scalars: money is a decimal string, dates are ISO 8601 strings. ---

const money = z
  .string()
  .regex(/^-?\d+\.\d{2}$/)
  .meta({ description: "A decimal amount as a string, two decimals.", examples: ["1250000.00"] });
const decimal = (description: string, example: string) =>
  z
    .string()
    .regex(/^-?\d+(\.\d+)?$/)
    .meta({ description, examples: [example] });
const dateTime = z.string().meta({ format: "date-time", examples: ["2026-03-14T09:30:00.000Z"] });
const day = z.string().meta({ format: "date", examples: ["2026-09-30"] });
const currency = z
  .string()
  .regex(/^[A-Z]{3}$/)
  .meta({ description: "ISO 4217 code.", examples: ["EUR"] });
const perScenario = <T extends z.ZodType>(value: T) => z.object({ low: value, base: value, high: value });

export const PersonSchema = z.object({ id: z.string(), name: z.string() });
const person = PersonSchema;

// --- Problem (RFC 9457): every error of the API. ---

export const ProblemSchema = z
  .object({
    type: z.string().meta({ description: "Always `about:blank`: the status and title say what happened." }),
    title: z.string().meta({ examples: ["Unprocessable Content"] }),
    status: z
      .number()
      .int()
      .meta({ examples: [422] }),
    detail: z.string().meta({ examples: ["Some fields need attention."] }),
    errors: z
      .array(z.object({ path: z.string().meta({ examples: ["ebitda.low"] }), message: z.string() }))
      .optional()
      .meta({ description: "The fields at fault (422), or the unmet entry criteria or open items (409)." }),
    current: z
      .unknown()
      .optional()
      .meta({ description: "On a 409 for a stale version: the record as it is now (same shape as a 200)." }),
  })
  .meta({ description: "An RFC 9457 problem (`application/problem+json`)." });

// --- Use cases ---

export const UseCaseResponse = z.object({
  key: z.string().meta({ description: "Like `UC-12`: unique, never reused.", examples: ["UC-12"] }),
  title: z.string(),
  summary: z.string(),
  output: z.string().meta({ description: "What the model predicts." }),
  outcome: z.string().meta({ description: "Why it matters." }),
  pocResult: z.string().meta({ description: "What the proof of concept showed." }),
  stage: z.enum(STAGES).meta({ description: "Changes only through gate decisions." }),
  status: z.enum(STATUSES),
  benefitArea: z.enum(BENEFIT_AREAS).nullable(),
  ebitda: z
    .object({ low: money.nullable(), base: money.nullable(), high: money.nullable(), currency: z.string() })
    .meta({ description: "Expected EBITDA per year (low <= base <= high), or nulls when not estimated yet." }),
  ownerId: z.string(),
  sponsorId: z.string().nullable(),
  owner: person.nullable(),
  sponsor: person.nullable(),
  stageEnteredAt: dateTime,
  version: z.number().int().meta({ description: "Send it back in a PATCH; each change adds 1." }),
  createdAt: dateTime,
  updatedAt: dateTime,
  riskTier: z
    .enum(RISK_TIERS)
    .nullable()
    .meta({ description: "The tier of the last submitted risk screening (EU AI Act); null before one is submitted." }),
});

export const UseCasePageResponse = z.object({
  items: z.array(UseCaseResponse),
  nextCursor: z.string().nullable().meta({ description: "Pass it as `cursor` for the next page; null on the last." }),
});

// --- Gates ---

export const EstimateSnapshotResponse = z.object({
  takenAt: dateTime,
  ebitda: z.object({ low: money.nullable(), base: money.nullable(), high: money.nullable(), currency: z.string() }),
  revision: z
    .object({
      id: z.string(),
      investment: money,
      runCostPerYear: money,
      horizonYears: z.number().int(),
      confidence: z.string(),
      createdAt: dateTime,
    })
    .nullable(),
});

export const ConditionResponse = z.object({
  id: z.string(),
  text: z.string(),
  owner: person,
  dueOn: day,
  closedAt: dateTime.nullable(),
  closedBy: person.nullable(),
  overdue: z.boolean().meta({ description: "Open and past its due date." }),
  tracked: z.boolean().meta({ description: "The review ended in a go with conditions." }),
});

export const GateResponse = z.object({
  id: z.string(),
  gate: z.string().meta({ examples: ["G1"] }),
  useCaseKey: z.string(),
  fromStage: z.enum(STAGES),
  toStage: z.enum(STAGES),
  status: z.enum(GATE_STATUSES),
  note: z.string(),
  evidenceUrls: z.array(z.string()),
  requestedBy: person,
  requestedAt: dateTime,
  decision: z.enum(DECISIONS).nullable(),
  decidedBy: person.nullable(),
  decidedAt: dateTime.nullable(),
  rationale: z.string().nullable(),
  stopReason: z.enum(STOP_REASONS).nullable(),
  revisitOn: day.nullable(),
  estimateSnapshot: EstimateSnapshotResponse.nullable(),
  awaiting: z.array(z.enum(ROLES)).meta({ description: "Decider roles that have not voted yet." }),
  votes: z.array(
    z.object({
      role: z.enum(ROLES),
      voter: person,
      decision: z.enum(DECISIONS),
      rationale: z.string(),
      stopReason: z.enum(STOP_REASONS).nullable(),
      revisitOn: day.nullable(),
      at: dateTime,
      onBehalfOf: person
        .nullable()
        .meta({ description: "A delegate's vote: the absent decider it was cast for (voter for onBehalfOf)." }),
    }),
  ),
  conditions: z.array(ConditionResponse),
  dueAt: dateTime
    .nullable()
    .meta({ description: "The review's deadline (working days from the request, per gate; Settings)." }),
  overdue: z.boolean().meta({ description: "Still open after dueAt." }),
  due: z
    .object({
      overdue: z.boolean(),
      days: z.number().int().meta({ description: "Working days until dueAt, or since it when overdue." }),
      label: z.string().meta({ examples: ["due in 3 working days", "overdue by 2 working days"] }),
    })
    .nullable()
    .meta({ description: "How the deadline reads now; null once the review is closed." }),
});

export const ConditionClosedResponse = z.object({ useCaseKey: z.string() });

// --- Checklists ---

const signOff = z.object({ by: person, at: dateTime });

export const ChecklistItemResponse = z.object({
  id: z.string(),
  stage: z.enum(CHECKLIST_STAGES),
  section: z.string(),
  label: z.string(),
  status: z.enum(CHECKLIST_STATUSES),
  answerType: z.string().meta({ description: "NONE, CHOICE or TEXT." }),
  options: z.array(z.string()),
  answer: z.string().nullable(),
  evidenceUrl: z.string().nullable(),
  note: z.string().nullable(),
  owner: person.nullable(),
  version: z.number().int(),
  updatedBy: person.nullable(),
  updatedAt: dateTime,
  evidenceKind: z.string().nullable().meta({ description: "A service kind whose registered services are evidence." }),
  evidenceServices: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      url: z.string(),
      environment: z.string(),
      healthStatus: z.string(),
      checkedAt: dateTime.nullable(),
    }),
  ),
});

export const ChecklistResponse = z.object({
  useCaseKey: z.string(),
  stage: z.enum(CHECKLIST_STAGES),
  items: z.array(ChecklistItemResponse),
  signedOff: signOff.nullable(),
  voidedSignOffs: z.array(
    signOff.extend({ voidedAt: dateTime, voidedBy: person.nullable(), reason: z.string().nullable() }),
  ),
  progress: z.object({
    total: z.number().int(),
    closed: z.number().int(),
    sections: z.array(z.object({ section: z.string(), total: z.number().int(), closed: z.number().int() })),
  }),
});

export const ChecklistTemplateResponse = z.object({
  stage: z.enum(CHECKLIST_STAGES),
  version: z.number().int(),
  createdAt: dateTime,
  items: z.array(
    z.object({
      key: z.string(),
      section: z.string(),
      label: z.string(),
      answerType: z.string().meta({ description: "NONE, CHOICE or TEXT." }),
      options: z.array(z.string()),
      evidenceKind: z.string().nullable(),
      retired: z.boolean(),
      answered: z.boolean().meta({ description: "Running checklists answered it: it can be retired, not deleted." }),
    }),
  ),
});

// --- Value: estimates, actuals, feedback ---

export const EstimateResponse = z.object({
  id: z.string(),
  stage: z.enum(STAGES),
  author: person,
  createdAt: dateTime,
  ebitdaLow: money,
  ebitdaBase: money,
  ebitdaHigh: money,
  investment: money,
  runCostPerYear: money,
  horizonYears: z.number().int(),
  currency: z.string(),
  assumptions: z.string(),
  confidence: z.string().meta({ description: "LOW, MEDIUM or HIGH." }),
  netAnnual: perScenario(money).meta({ description: "ebitda - runCostPerYear, per scenario." }),
  roi: perScenario(decimal("(netAnnual * horizonYears - investment) / investment, 4 decimals.", "1.2500")),
  paybackMonths: perScenario(
    decimal("investment / (netAnnual / 12), 1 decimal; null when netAnnual <= 0.", "14.4").nullable(),
  ),
});

export const ActualResponse = z.object({
  id: z.string(),
  period: z.string().meta({ examples: ["2026-09"] }),
  ebitda: money.meta({ description: "Realised EBITDA of the month (may be negative)." }),
  currency: z.string(),
  note: z.string(),
  author: person,
  createdAt: dateTime,
});

export const FeedbackResponse = z.object({
  id: z.string(),
  text: z.string(),
  rating: z.number().int().nullable(),
  stage: z.string(),
  author: person,
  createdAt: dateTime,
});

// --- Services ---

const health = z.object({
  status: z.enum(HEALTH_STATUSES),
  httpStatus: z.number().int().nullable(),
  latencyMs: z.number().int().nullable(),
  checkedAt: dateTime.nullable(),
  reason: z.string().nullable().meta({ description: "Why it is down or blocked, in plain words." }),
});

export const ServiceResponse = z.object({
  id: z.string(),
  useCaseKey: z.string(),
  name: z.string(),
  kind: z.enum(SERVICE_KINDS),
  environment: z.enum(ENVIRONMENTS),
  url: z.string(),
  note: z.string(),
  version: z.number().int(),
  health,
  history: z
    .array(z.object({ at: dateTime, status: z.enum(HEALTH_STATUSES), latencyMs: z.number().int().nullable() }))
    .meta({ description: "Recent probes, oldest first." }),
});

export const ServiceCheckResponse = z.object({ id: z.string(), health });

export const ProposedServiceResponse = z.object({
  name: z.string(),
  image: z.string().nullable(),
  kind: z.enum(SERVICE_KINDS),
  url: z.string().nullable().meta({ description: "From the first published port and `baseUrl`; null if none." }),
  proposed: z.boolean().meta({ description: "Ticked in the preview: it has an HTTP UI and a URL." }),
});

export const ComposePreviewResponse = z.object({ services: z.array(ProposedServiceResponse) });
export const ComposeSavedResponse = z.object({
  services: z.array(ProposedServiceResponse),
  saved: z.array(ServiceResponse),
});

// --- Portfolio, settings, health ---

const stageFigures = z.object({
  count: z.number().int(),
  active: z.number().int(),
  ebitdaBase: money,
  ebitdaLow: money,
  ebitdaHigh: money,
  probability: z.number().int().meta({ description: "Percent, from the settings." }),
  weighted: money,
});

export const PortfolioSummaryResponse = z.object({
  currency,
  filters: PortfolioFiltersSchema,
  byStage: z.object({ POC: stageFigures, PROTOTYPE: stageFigures, PACKAGING: stageFigures, PRODUCTION: stageFigures }),
  byStatus: z.object({ ACTIVE: z.number().int(), PAUSED: z.number().int(), STOPPED: z.number().int() }),
  funnel: z.array(z.object({ stage: z.enum(STAGES), reached: z.number().int() })),
  weightedPipeline: money,
  gates: z.object({
    decided: z.number().int(),
    go: z.number().int(),
    stopped: z.number().int(),
    paused: z.number().int(),
  }),
  conversion: z.array(
    z.object({
      gate: z.string(),
      from: z.enum(STAGES),
      decided: z.number().int(),
      go: z.number().int(),
      stopped: z.number().int(),
      paused: z.number().int(),
      rate: z.number().nullable().meta({ description: "Percent of decided reviews that passed, 1 decimal." }),
    }),
  ),
  stopReasons: z.array(z.object({ reason: z.enum(STOP_REASONS), count: z.number().int() })),
  timeInStage: z.array(
    z.object({ stage: z.enum(STAGES), medianDaysToPass: z.number().nullable(), medianDaysNow: z.number().nullable() }),
  ),
  valueByArea: z.array(z.object({ benefitArea: z.string(), stage: z.enum(STAGES), ebitdaBase: money })),
  realisedThisYear: money,
  openReviews: z.number().int(),
  overdueConditions: z.number().int(),
  otherCurrencies: z
    .number()
    .int()
    .meta({ description: "Use cases in another currency, left out of the money figures." }),
  production: z.array(z.object({ key: z.string(), title: z.string(), actual: money, estimate: money })),
  costToDate: money.meta({ description: "Every cost recorded (organisation currency)." }),
  netRealisedThisYear: money.meta({ description: "Realised EBITDA minus costs of this calendar year's months." }),
  breakEven: z.object({ production: z.number().int(), past: z.number().int(), percent: z.number().nullable() }).meta({
    description:
      "Use cases in production, those whose recorded costs their realised EBITDA has covered (costs > 0 and realised - costs >= 0), and the percent, 1 decimal.",
  }),
  valueLeakage: z
    .array(z.object({ key: z.string(), title: z.string(), actual: money, estimate: money, shortfall: money }))
    .meta({ description: "The 5 biggest shortfalls of realised EBITDA against the base estimate to date." }),
});

export const OrgSettingsResponse = z.object({
  currency: z.string(),
  probeAllow: z.array(z.string()),
  stageProbabilities: z.array(z.number().int()).meta({ description: "Percent per stage, in stage order." }),
  stalledDays: z.number().int(),
  probeIntervalMinutes: z.number().int(),
  peopleDayRate: money
    .nullable()
    .meta({ description: "The cost of one FTE day (organisation currency); null until an admin sets it." }),
  reviewDeadlineDays: z
    .array(z.number().int())
    .meta({ description: "Review deadline per gate (G1, G2, G3), in working days." }),
  holidays: z.array(day).meta({ description: "Days that are not working days, besides weekends." }),
  version: z.number().int(),
});

export const OrgSettingsViewResponse = OrgSettingsResponse.extend({
  probeAllow: z
    .array(z.string())
    .optional()
    .meta({ description: "ADMIN only: the hosts and networks health probes may reach. Left out for other roles." }),
});

// --- Users ---

export const ManagedUserResponse = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  team: z.string().nullable(),
  active: z.boolean(),
  awaitingRole: z
    .boolean()
    .meta({ description: "Signed in through SSO with no role yet: no access until one is assigned." }),
  sso: z.boolean().meta({ description: "Signs in through SSO only (no password)." }),
  createdAt: dateTime,
  updatedAt: dateTime.meta({ description: "The concurrency token of PATCH /api/v1/users/{id}." }),
});
export const ManagedUserCreatedResponse = ManagedUserResponse.extend({
  password: z
    .string()
    .meta({ description: "The generated first password: returned this once, never stored in clear." }),
});
export const UserListResponse = z.object({ items: z.array(ManagedUserResponse), count: z.number().int() });

export const HealthOkResponse = z.object({ status: z.literal("ok") });
export const HealthUnavailableResponse = z.object({ status: z.literal("unavailable"), detail: z.string() });

// --- Comments, audit, API tokens ---

export const CommentResponse = z.object({
  id: z.string(),
  useCaseKey: z.string(),
  gateReviewId: z.string().nullable(),
  author: person,
  body: z.string().meta({ description: "Plain text, as written (render it escaped)." }),
  mentions: z.array(person),
  createdAt: dateTime,
});

export const AuditEventResponse = z.object({
  id: z.string(),
  at: dateTime,
  actorId: z.string().nullable(),
  actor: person.nullable(),
  action: z.string().meta({ examples: ["gate.decide", "use-case.update"] }),
  entity: z.string().meta({ examples: ["UseCase", "GateReview"] }),
  entityId: z.string(),
  useCaseKey: z.string().nullable(),
  before: z.unknown().meta({ description: "The changed fields before (null for a creation)." }),
  after: z.unknown().meta({ description: "The changed fields after." }),
  requestId: z.string().nullable(),
});

export const AuditPageResponse = z.object({ items: z.array(AuditEventResponse), nextCursor: z.string().nullable() });

export const ApiTokenResponse = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string().meta({ description: "The token's first characters, to recognise it." }),
  scope: z.enum(["read-only", "read-write", "deploy:check"]).meta({
    description: "read-only: GET only; read-write: as its user; deploy:check: the deployment-approval check only.",
  }),
  createdAt: dateTime,
  expiresAt: dateTime.meta({ description: "From this instant the token is refused (401)." }),
  lastUsedAt: dateTime.nullable(),
  revokedAt: dateTime.nullable(),
});

export const ApiTokenCreatedResponse = ApiTokenResponse.extend({
  token: z.string().meta({ description: "The secret: shown in this answer only." }),
});

// --- Webhooks ---

const deliveryStatus = z.enum(["PENDING", "SUCCEEDED", "FAILED"]);

export const WebhookResponse = z.object({
  id: z.string(),
  url: z.string(),
  description: z.string(),
  events: z.array(z.string()),
  active: z.boolean(),
  version: z.number().int(),
  createdBy: person,
  createdAt: dateTime,
  updatedAt: dateTime,
  lastDelivery: z.object({ status: deliveryStatus, at: dateTime }).nullable(),
});

export const WebhookWithSecretResponse = WebhookResponse.extend({
  secret: z.string().meta({ description: "The signing secret (whsec_…): shown in this answer only." }),
});

export const DeliveryResponse = z.object({
  id: z.string(),
  webhookId: z.string(),
  event: z.string(),
  status: deliveryStatus,
  attempts: z.number().int(),
  lastStatus: z.number().int().nullable(),
  lastError: z.string().nullable(),
  nextAttemptAt: dateTime.nullable(),
  createdAt: dateTime,
  deliveredAt: dateTime.nullable(),
  payload: z.unknown().meta({ description: "The JSON body sent: { id, event, createdAt, data }." }),
});

// --- Costs ---

export const CostResponse = z.object({
  id: z.string(),
  period: z.string().meta({ examples: ["2026-09"] }),
  category: z.enum(COST_CATEGORIES),
  amount: money.meta({ description: "The month's cost in the category (PEOPLE: fteDays x dayRate, to the cent)." }),
  currency: z.string(),
  fteDays: z
    .string()
    .nullable()
    .meta({ description: "PEOPLE: the FTE days, 2 decimals; null otherwise.", examples: ["12.50"] }),
  dayRate: money.nullable().meta({ description: "PEOPLE: the day rate the line was priced at; null otherwise." }),
  note: z.string(),
  author: person,
  createdAt: dateTime,
});

/** The named schemas of `components.schemas` (name -> schema). */
export const RESPONSE_COMPONENTS = {
  Problem: ProblemSchema,
  Person: PersonSchema,
  UseCase: UseCaseResponse,
  UseCasePage: UseCasePageResponse,
  Gate: GateResponse,
  Condition: ConditionResponse,
  EstimateSnapshot: EstimateSnapshotResponse,
  Checklist: ChecklistResponse,
  ChecklistItem: ChecklistItemResponse,
  ChecklistTemplate: ChecklistTemplateResponse,
  Estimate: EstimateResponse,
  Actual: ActualResponse,
  Feedback: FeedbackResponse,
  Service: ServiceResponse,
  ProposedService: ProposedServiceResponse,
  PortfolioSummary: PortfolioSummaryResponse,
  OrgSettings: OrgSettingsResponse,
  OrgSettingsView: OrgSettingsViewResponse,
  Comment: CommentResponse,
  AuditEvent: AuditEventResponse,
  ApiToken: ApiTokenResponse,
  Webhook: WebhookResponse,
  WebhookDelivery: DeliveryResponse,
  User: ManagedUserResponse,
  Cost: CostResponse,
  Registry: RegistryResponse,
  ModelLink: ModelLinkResponse,
} as const satisfies Record<string, z.ZodType>;

// --- Compile-time check: each schema's type and its DTO type are assignable both ways. ---

type Equal<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

type Checks = {
  Problem: Equal<NonNullable<z.infer<typeof ProblemSchema>["errors"]>[number], FieldIssue>;
  UseCase: Equal<z.infer<typeof UseCaseResponse>, UseCaseDto>;
  UseCasePage: Equal<z.infer<typeof UseCasePageResponse>, { items: UseCaseDto[]; nextCursor: string | null }>;
  Gate: Equal<z.infer<typeof GateResponse>, GateDto>;
  Condition: Equal<z.infer<typeof ConditionResponse>, ConditionDto>;
  EstimateSnapshot: Equal<z.infer<typeof EstimateSnapshotResponse>, EstimateSnapshot>;
  ConditionClosed: Equal<z.infer<typeof ConditionClosedResponse>, Awaited<ReturnType<typeof closeCondition>>>;
  Checklist: Equal<z.infer<typeof ChecklistResponse>, ChecklistDto>;
  ChecklistItem: Equal<z.infer<typeof ChecklistItemResponse>, ChecklistItemDto>;
  ChecklistTemplate: Equal<z.infer<typeof ChecklistTemplateResponse>, TemplateDto>;
  Estimate: Equal<z.infer<typeof EstimateResponse>, EstimateDto>;
  Actual: Equal<z.infer<typeof ActualResponse>, ActualDto>;
  Feedback: Equal<z.infer<typeof FeedbackResponse>, FeedbackDto>;
  Service: Equal<z.infer<typeof ServiceResponse>, ServiceDto>;
  ServiceCheck: Equal<z.infer<typeof ServiceCheckResponse>, Pick<ServiceDto, "id" | "health">>;
  ProposedService: Equal<z.infer<typeof ProposedServiceResponse>, ProposedService>;
  ComposeSaved: Equal<z.infer<typeof ComposeSavedResponse>, { services: ProposedService[]; saved: ServiceDto[] }>;
  PortfolioSummary: Equal<z.infer<typeof PortfolioSummaryResponse>, PortfolioSummary>;
  OrgSettings: Equal<z.infer<typeof OrgSettingsResponse>, OrgSettingsDto>;
  OrgSettingsView: Equal<z.infer<typeof OrgSettingsViewResponse>, OrgSettingsView>;
  Comment: Equal<z.infer<typeof CommentResponse>, CommentDto>;
  AuditPage: Equal<z.infer<typeof AuditPageResponse>, Awaited<ReturnType<typeof listAuditEvents>>>;
  ApiToken: Equal<z.infer<typeof ApiTokenResponse>, ApiTokenDto>;
  ApiTokenCreated: Equal<z.infer<typeof ApiTokenCreatedResponse>, Awaited<ReturnType<typeof createMyApiToken>>>;
  Webhook: Equal<z.infer<typeof WebhookResponse>, WebhookDto>;
  ManagedUser: Equal<z.infer<typeof ManagedUserResponse>, ManagedUserDto>;
  ManagedUserCreated: Equal<z.infer<typeof ManagedUserCreatedResponse>, CreatedManagedUserDto>;
  WebhookWithSecret: Equal<z.infer<typeof WebhookWithSecretResponse>, WebhookWithSecretDto>;
  Delivery: Equal<z.infer<typeof DeliveryResponse>, DeliveryDto>;
  Cost: Equal<z.infer<typeof CostResponse>, CostDto>;
};

/** Fails to compile when a response schema and its DTO type drift apart (a `false` cannot hold `true`). */
export const RESPONSE_SCHEMAS_MATCH_DTOS: Checks = {
  Problem: true,
  UseCase: true,
  UseCasePage: true,
  Gate: true,
  Condition: true,
  EstimateSnapshot: true,
  ConditionClosed: true,
  Checklist: true,
  ChecklistItem: true,
  ChecklistTemplate: true,
  Estimate: true,
  Actual: true,
  Feedback: true,
  Service: true,
  ServiceCheck: true,
  ProposedService: true,
  ComposeSaved: true,
  PortfolioSummary: true,
  OrgSettings: true,
  OrgSettingsView: true,
  Comment: true,
  AuditPage: true,
  ApiToken: true,
  ApiTokenCreated: true,
  Webhook: true,
  ManagedUser: true,
  ManagedUserCreated: true,
  WebhookWithSecret: true,
  Delivery: true,
  Cost: true,
};
