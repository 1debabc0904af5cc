import "server-only";
import type { z } from "zod";
import { type ImportField, type ImportMapping, resolveColumns } from "@/lib/import/fields";
import type { ColumnPlan, RowError } from "@/lib/import/result";
import {
  amountFromCell,
  type Parsed,
  parseBenefitArea,
  parseStage,
  parseStatus,
  textFromCell,
} from "@/lib/import/values";
import { type BenefitArea, formatKey, parseKey, STAGE_LABELS, type Stage, type UseCaseStatus } from "@/lib/lifecycle";
import { toCents } from "@/lib/money";
import { type Actor, can } from "@/lib/permissions";
import { normaliseTags, splitTags } from "@/lib/tags";
import { UseCaseCreateSchema, UseCaseUpdateSchema } from "@/lib/validation/use-case";
import { forbidden } from "../errors";
import { type Existing, loadExisting, loadPeople, type Person } from "./import-lookups";
import type { Table } from "./read-table";
import type { PlanOptions, RowPlan } from "./row-plan";

const EXTERNAL_ID_MAX = 200;

const moneyEqual = (a: string, b: { toFixed(d: number): string } | null) => {
  if (a === "" || b == null) return a === "" && b == null;
  try {
    return toCents(a) === toCents(b.toFixed(2));
  } catch {
    return false;
  }
};
const moneyText = (value: { toFixed(d: number): string } | null) => (value == null ? "" : value.toFixed(2));

/**
 * Read every row against the database and decide what the import would do with it: create,
 * update, leave unchanged, or refuse (with the column and the reason). Nothing is written.
 * A data scientist imports only use cases they own: naming another owner refuses the file.
 */
export async function planImport(
  actor: Actor,
  table: Table,
  mapping: ImportMapping = {},
  options: PlanOptions = {},
): Promise<{ columns: ColumnPlan[]; rows: RowPlan[] }> {
  const fields = resolveColumns(table.headers, mapping);
  const columns = table.headers.map((header, index) => ({ header, field: fields[index] ?? null }));
  const indexOf = new Map<ImportField, number>();
  fields.forEach((field, index) => {
    if (field) indexOf.set(field, index);
  });
  const columnName = (field: ImportField) => {
    const index = indexOf.get(field);
    return index === undefined ? field : table.headers[index] || `column ${index + 1}`;
  };
  if (!indexOf.has("title") && !indexOf.has("key") && !indexOf.has("externalId")) {
    const rows = table.rows.map((row) => ({
      line: row.line,
      action: "error" as const,
      cells: row.cells,
      errors: [{ column: "title", message: "No column is mapped to Title (or to Key or External id)." }],
    }));
    return { columns, rows };
  }

  const cellOf = (cells: string[], field: ImportField): string | undefined => {
    const index = indexOf.get(field);
    if (index === undefined) return undefined;
    return textFromCell((cells[index] ?? "").trim());
  };

  const numbers = new Set<number>();
  const externalIds = new Set<string>();
  const peopleTexts = new Set<string>();
  const ownerEmails = new Set<string>();
  for (const { cells } of table.rows) {
    const number = parseKey(cellOf(cells, "key") ?? "");
    if (number != null) numbers.add(number);
    const ext = cellOf(cells, "externalId");
    if (ext) externalIds.add(ext);
    for (const field of ["owner", "sponsor"] as const) {
      const text = cellOf(cells, field);
      if (text) peopleTexts.add(text);
      if (text && field === "owner") ownerEmails.add(text.toLowerCase());
    }
  }
  const existing = await loadExisting([...numbers], [...externalIds]);
  const byNumber = new Map(existing.map((u) => [u.number, u]));
  const byExternalId = new Map(existing.filter((u) => u.externalId).map((u) => [u.externalId as string, u]));
  const person = await loadPeople([...peopleTexts], options.inviteMissingUsers ? { ownerEmails } : null);

  const seenIds = new Map<string, number>();
  const seenExternal = new Map<string, number>();
  const rows = table.rows.map((row): RowPlan => {
    const errors: RowError[] = [];
    const fail = (field: ImportField, message: string) => errors.push({ column: columnName(field), message });
    const get = (field: ImportField) => cellOf(row.cells, field);

    // Which use case the row is: its key, or its external id.
    let target: Existing | undefined;
    const keyText = get("key");
    if (keyText) {
      const number = parseKey(keyText);
      if (number == null) fail("key", `"${keyText}" is not a key: keys look like UC-12.`);
      else {
        target = byNumber.get(number);
        if (!target) fail("key", `There is no use case ${formatKey(number)}. Leave the key empty to create one.`);
      }
    }
    const externalId = get("externalId");
    if (externalId && externalId.length > EXTERNAL_ID_MAX)
      fail("externalId", `An external id has at most ${EXTERNAL_ID_MAX} characters.`);
    else if (externalId) {
      const byExt = byExternalId.get(externalId);
      if (target && byExt && byExt.id !== target.id)
        fail("externalId", `${externalId} is the external id of ${formatKey(byExt.number)}, not of ${keyText}.`);
      else if (!keyText) target = byExt;
      const earlier = seenExternal.get(externalId);
      if (earlier) fail("externalId", `Line ${earlier} has the same external id.`);
      else seenExternal.set(externalId, row.line);
    }
    if (target) {
      const earlier = seenIds.get(target.id);
      if (earlier) fail(keyText ? "key" : "externalId", `Line ${earlier} is about the same use case.`);
      else seenIds.set(target.id, row.line);
    }

    // The cells, parsed; undefined = the column is not in the file.
    const parse = <T>(field: ImportField, parser: (text: string) => Parsed<T>, empty: T): T | undefined => {
      const text = get(field);
      if (text === undefined) return undefined;
      if (text === "") return empty;
      const parsed = parser(text);
      if (parsed.ok) return parsed.value;
      fail(field, parsed.message);
      return undefined;
    };
    const stage = parse<Stage | null>("stage", parseStage, null);
    const status = parse<UseCaseStatus | null>("status", parseStatus, null);
    const benefitArea = parse<BenefitArea | null>("benefitArea", parseBenefitArea, null);
    const owner = parse<Person | null>("owner", person, null);
    const sponsor = parse<Person | null>("sponsor", person, null);
    const amount = (field: "ebitdaLow" | "ebitdaBase" | "ebitdaHigh") => {
      const text = get(field);
      return text === undefined ? undefined : amountFromCell(text);
    };
    const low = amount("ebitdaLow");
    const base = amount("ebitdaBase");
    const high = amount("ebitdaHigh");
    const currency = get("currency")?.toUpperCase();
    // A tags cell: comma- or semicolon-separated; undefined when the file has no tags column.
    const tagsText = get("tags");
    const tags = tagsText === undefined ? undefined : splitTags(tagsText);
    const texts = {
      title: get("title"),
      summary: get("summary"),
      output: get("output"),
      outcome: get("outcome"),
      pocResult: get("pocResult"),
    };

    if (actor.role === "DATA_SCIENTIST" && owner && owner.id !== actor.id)
      throw forbidden(
        `Line ${row.line}: a data scientist imports only use cases they own. Leave the owner empty or give your own email.`,
      );

    const activeOrFail = (field: "owner" | "sponsor", who: Person | null | undefined) => {
      if (who && !who.active) fail(field, `${get(field)} is not an active user: choose an active user.`);
    };
    const schemaPath = (path: string): ImportField => {
      const map: Record<string, ImportField> = {
        "ebitda.low": "ebitdaLow",
        "ebitda.base": "ebitdaBase",
        "ebitda.high": "ebitdaHigh",
        "ebitda.currency": "currency",
        ebitda: "ebitdaBase",
        ownerId: "owner",
        sponsorId: "sponsor",
      };
      if (path === "tags" || path.startsWith("tags.")) return "tags";
      return map[path] ?? (path as ImportField);
    };
    const schemaErrors = (error: z.ZodError) => {
      for (const issue of error.issues) fail(schemaPath(issue.path.join(".")), issue.message);
    };
    const invites = [owner, sponsor].flatMap((who) => (who?.invitation ? [who.invitation] : []));
    const done = (plan: Omit<RowPlan, "line" | "cells">): RowPlan =>
      errors.length
        ? { line: row.line, action: "error", key: plan.key, errors, cells: row.cells }
        : {
            line: row.line,
            cells: row.cells,
            ...plan,
            ...(invites.length && plan.action !== "unchanged" ? { invites } : {}),
          };

    if (!target) {
      if (keyText) return done({ action: "error" });
      activeOrFail("owner", owner);
      activeOrFail("sponsor", sponsor);
      const parsed = UseCaseCreateSchema.safeParse({
        title: texts.title ?? "",
        summary: texts.summary ?? "",
        output: texts.output ?? "",
        outcome: texts.outcome ?? "",
        pocResult: texts.pocResult ?? "",
        benefitArea: benefitArea ?? null,
        ebitda: { low: low ?? "", base: base ?? "", high: high ?? "", currency: currency || "EUR" },
        tags: tags ?? [],
      });
      if (!parsed.success) schemaErrors(parsed.error);
      if (!parsed.success || errors.length) return done({ action: "error" });
      return done({
        action: "create",
        create: {
          ...parsed.data,
          ownerId: owner?.id ?? actor.id,
          sponsorId: sponsor?.id ?? null,
          stage: stage ?? "POC",
          status: status ?? "ACTIVE",
          externalId: externalId || null,
        },
      });
    }

    // An existing use case: only what differs is written.
    const key = formatKey(target.number);
    const patch: Record<string, unknown> = {};
    for (const field of ["title", "summary", "output", "outcome", "pocResult"] as const) {
      const value = texts[field];
      if (value !== undefined && value !== target[field]) patch[field] = value;
    }
    if (benefitArea !== undefined && benefitArea !== target.benefitArea) patch.benefitArea = benefitArea;
    if (tags !== undefined && normaliseTags(tags).join(",") !== normaliseTags(target.tags).join(",")) patch.tags = tags;
    if (owner && owner.id !== target.ownerId) {
      activeOrFail("owner", owner);
      patch.ownerId = owner.id;
    }
    // An empty owner cell keeps the current owner (a use case always has one).
    if (sponsor !== undefined && (sponsor?.id ?? null) !== target.sponsorId) {
      activeOrFail("sponsor", sponsor);
      patch.sponsorId = sponsor?.id ?? null;
    }
    const ebitda = {
      low: low ?? moneyText(target.ebitdaLow),
      base: base ?? moneyText(target.ebitdaBase),
      high: high ?? moneyText(target.ebitdaHigh),
      currency: currency || target.currency,
    };
    if (
      !moneyEqual(ebitda.low, target.ebitdaLow) ||
      !moneyEqual(ebitda.base, target.ebitdaBase) ||
      !moneyEqual(ebitda.high, target.ebitdaHigh) ||
      ebitda.currency !== target.currency
    )
      patch.ebitda = ebitda;
    if (stage && stage !== target.stage)
      fail("stage", `${key} is in ${STAGE_LABELS[target.stage]}: the stage changes only through gate decisions.`);
    if (status && status !== target.status)
      fail("status", `${key} is ${target.status.toLowerCase()}: the status changes only through gate decisions.`);
    const newExternalId = externalId && externalId !== target.externalId ? externalId : undefined;
    if (errors.length) return done({ action: "error", key });
    if (Object.keys(patch).length === 0 && !newExternalId) return done({ action: "unchanged", key });

    if (!can(actor, "use-case:update", target)) {
      fail(keyText ? "key" : "externalId", `You may update only use cases you own or sponsor (${key}).`);
      return done({ action: "error", key });
    }
    const parsed = UseCaseUpdateSchema.safeParse({ version: target.version, ...patch });
    if (!parsed.success) {
      schemaErrors(parsed.error);
      return done({ action: "error", key });
    }
    const { version: _version, ...changed } = parsed.data;
    return done({
      action: "update",
      key,
      update: {
        id: target.id,
        number: target.number,
        version: target.version,
        fields: changed,
        externalId: newExternalId,
      },
    });
  });
  return { columns, rows };
}
