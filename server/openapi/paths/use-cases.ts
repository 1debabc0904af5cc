// The use cases of the portfolio. Spread into ENDPOINTS by ./index.ts.
import "server-only";
import { BULK_EDIT_MAX_ROWS, BulkEditSchema } from "@/lib/validation/bulk-edit";
import { ReopenSchema } from "@/lib/validation/gate";
import { UseCaseCreateSchema, UseCaseUpdateSchema } from "@/lib/validation/use-case";
import { TagListQuerySchema } from "../../use-cases/list-tags";
import { UseCaseApiQuerySchema } from "../../use-cases/list-use-cases";
import { type Endpoint, JSON_WRITE, READ } from "../endpoint";
import { BulkEditResponse, TagListResponse, UseCasePageResponse, UseCaseResponse } from "../schemas/use-cases";

export const USE_CASE_ENDPOINTS: readonly Endpoint[] = [
  {
    method: "GET",
    path: "/api/v1/use-cases",
    operationId: "listUseCases",
    summary: "List use cases",
    description:
      "Filtered and sorted, a page at a time: pass `nextCursor` back as `cursor` for the next page. `tag` may repeat (`?tag=a&tag=b`, or `?tag=a,b`): a use case matches when it has all of them.",
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
    method: "PATCH",
    path: "/api/v1/use-cases",
    operationId: "bulkUpdateUseCases",
    summary: "Bulk edit use cases",
    description: `Set the owner, sponsor, benefit area or tags of use cases given by \`keys\` or matching \`filter\` (the list's filters), at most ${BULK_EDIT_MAX_ROWS}. Each row is checked like a single edit (a DATA_SCIENTIST or BUSINESS user: only use cases they own or sponsor; \`expectedVersions\` per key). Rows without a problem are written in one transaction with an audit event each; refused and conflicting rows are listed and left unchanged.`,
    tag: "Use cases",
    body: { schema: BulkEditSchema },
    success: { status: 200, description: "Each row's outcome.", schema: BulkEditResponse },
    errors: [400, 401, 403, 413, 422],
  },
  {
    method: "GET",
    path: "/api/v1/use-cases/tags",
    operationId: "listUseCaseTags",
    summary: "List the tags in use",
    description: "Each tag with how many use cases carry it, most used first; `q` keeps the tags starting with it.",
    tag: "Use cases",
    query: TagListQuerySchema,
    success: { status: 200, description: "The tags.", schema: TagListResponse },
    errors: [401, 403, 422],
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
];
