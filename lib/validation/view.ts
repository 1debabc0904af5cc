// Inputs of saved views of the use-case list: a new view, an edit (with the version it started
// from), the user's own column choice.
import { z } from "zod";
import { listQueryString } from "../query-params";
import { normaliseColumns, USE_CASE_COLUMNS } from "../use-case-columns";
import { VIEW_NAME_MAX } from "../view-name";

const QUERY_MAX = 2000;

const name = z
  .string({ error: "Give the view a name." })
  .trim()
  .min(1, { error: "Give the view a name." })
  .max(VIEW_NAME_MAX, { error: `A view's name has at most ${VIEW_NAME_MAX} characters.` });
const shared = z.boolean({ error: "Shared must be true or false." });
/** The list's query string ("stage=POC&sort=value"), stored normalised (lib/query-params.ts). */
const query = z
  .string({ error: "The query is the list's query string, such as stage=POC&sort=value." })
  .max(QUERY_MAX, { error: `The query has at most ${QUERY_MAX} characters.` })
  .transform((text) => listQueryString(text));
export const columns = z
  .array(z.enum(USE_CASE_COLUMNS, { error: `Columns are among ${USE_CASE_COLUMNS.join(", ")}.` }), {
    error: "Columns are a list of column names.",
  })
  .max(USE_CASE_COLUMNS.length * 2, { error: "Too many columns." })
  .transform((ids) => normaliseColumns(ids));

export const SavedViewCreateSchema = z
  .object({
    name,
    shared: shared.default(false),
    query: query.default(""),
    columns: columns.default([...USE_CASE_COLUMNS]),
  })
  .strict();
export type SavedViewCreateInput = z.input<typeof SavedViewCreateSchema>;

/**
 * An edit, with the version of the view it started from: the owner's fields (name, shared, query,
 * columns), and/or `default` (the caller's own landing view, which anyone who sees the view may set).
 */
export const SavedViewUpdateSchema = z
  .object({
    name: name.optional(),
    shared: shared.optional(),
    query: query.optional(),
    columns: columns.optional(),
    default: z.boolean({ error: "Default must be true or false." }).optional(),
    version: z.number({ error: "Send the version you edited." }).int().positive(),
  })
  .strict()
  .refine((input) => Object.keys(input).some((key) => key !== "version"), {
    error: "Send at least one field to change.",
  });
export type SavedViewUpdateInput = z.input<typeof SavedViewUpdateSchema>;

export const ListColumnsSchema = z.object({ columns }).strict();
