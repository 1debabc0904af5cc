// The named response schemas of the OpenAPI document's components.schemas, one file per tag in
// this folder. Each shape is declared once, here: the DTO types of server/ are inferred from these
// schemas (z.infer); the few shapes built elsewhere (lib/ types, a function's return) are checked
// against them, so `tsc` fails when they drift apart. Responses are not validated at run time.
import "server-only";
import type { z } from "zod";
import { AttachmentResponse } from "./attachments";
import { AuditEventResponse } from "./audit";
import { ChecklistItemResponse, ChecklistResponse, ChecklistTemplateResponse } from "./checklists";
import { PersonSchema, ProblemSchema } from "./common";
import { CostResponse } from "./costs";
import { CommentResponse } from "./discussion";
import { FundingComparisonResponse, FundingSnapshotResponse, FundingSnapshotSummaryResponse } from "./funding";
import { ConditionResponse, EstimateSnapshotResponse, GateResponse } from "./gates";
import { PlanResponse } from "./plans";
import { PortfolioSummaryResponse } from "./portfolio";
import { ScoringModelResponse, UseCaseScoresResponse } from "./priority";
import { ModelCardResponse, RiskEntryResponse, RiskTemplateResponse } from "./risk";
import { ProposedServiceResponse, ServiceResponse } from "./services";
import { OrgSettingsResponse, OrgSettingsViewResponse } from "./settings";
import { ApiTokenResponse } from "./tokens";
import { ModelLinkResponse, RegistryResponse } from "./toolchain";
import { BulkEditResponse, TagListResponse, UseCasePageResponse, UseCaseResponse } from "./use-cases";
import { ManagedUserResponse } from "./users";
import { ActualResponse, EstimateResponse, FeedbackResponse } from "./value";
import { SavedViewResponse } from "./views";
import { ChatChannelResponse, DeliveryResponse, WebhookResponse } from "./webhooks";

/** The named schemas of `components.schemas` (name -> schema). */
export const RESPONSE_COMPONENTS = {
  Problem: ProblemSchema,
  Person: PersonSchema,
  UseCase: UseCaseResponse,
  ModelCard: ModelCardResponse,
  RiskEntry: RiskEntryResponse,
  RiskTemplate: RiskTemplateResponse,
  UseCasePage: UseCasePageResponse,
  UseCaseTags: TagListResponse,
  BulkEditResult: BulkEditResponse,
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
  Plan: PlanResponse,
  OrgSettings: OrgSettingsResponse,
  OrgSettingsView: OrgSettingsViewResponse,
  Comment: CommentResponse,
  AuditEvent: AuditEventResponse,
  ApiToken: ApiTokenResponse,
  Webhook: WebhookResponse,
  WebhookDelivery: DeliveryResponse,
  ChatChannel: ChatChannelResponse,
  User: ManagedUserResponse,
  Cost: CostResponse,
  ScoringModel: ScoringModelResponse,
  UseCaseScores: UseCaseScoresResponse,
  FundingSnapshotSummary: FundingSnapshotSummaryResponse,
  FundingSnapshot: FundingSnapshotResponse,
  FundingComparison: FundingComparisonResponse,
  Registry: RegistryResponse,
  ModelLink: ModelLinkResponse,
  Attachment: AttachmentResponse,
  SavedView: SavedViewResponse,
} as const satisfies Record<string, z.ZodType>;
