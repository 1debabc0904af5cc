// The versioned records of the no-lost-updates test (e2e/security/no-lost-updates.spec.ts), keyed by the
// operationId that edits them: how to make a fresh one, the edit each parallel writer sends, and
// how to read back what was stored.
import type { Editable } from "./editable-kit";
import { SHARED_RECORDS } from "./editable-shared";
import { USE_CASE_RECORDS } from "./editable-use-case";

export { type Actor, type Ctx, json } from "./editable-kit";

/** Keyed by the operationId that edits the record. */
export const EDITABLE: Record<string, Editable> = { ...USE_CASE_RECORDS, ...SHARED_RECORDS };
