// Response schemas: saved views of the use-case list.
// For the OpenAPI document only (not validated at run time); checked against its DTO type below.
import "server-only";
import { z } from "zod";
import { USE_CASE_COLUMNS } from "@/lib/use-case-columns";
import type { SavedViewDto } from "../../views/saved-views";
import { dateTime, type Equal, PersonSchema } from "./common";

export const SavedViewResponse = z.object({
  id: z.string(),
  name: z.string().meta({ examples: ["Funding candidates"] }),
  shared: z.boolean().meta({ description: "Everyone sees it; otherwise only its owner." }),
  query: z.string().meta({
    description: "The list's filters and sort as its query string, normalised (keys sorted, no view or page).",
    examples: ["sort=priority&stage=PROTOTYPE"],
  }),
  columns: z.array(z.enum(USE_CASE_COLUMNS)).meta({ description: "The visible columns; key and title always." }),
  owner: PersonSchema,
  mine: z.boolean().meta({ description: "The caller owns it (may change and delete it)." }),
  isDefault: z.boolean().meta({ description: "The caller's landing view of the use-case list." }),
  href: z.string().meta({ examples: ["/use-cases?sort=priority&stage=PROTOTYPE&view=clx123"] }),
  version: z.number().int(),
  createdAt: dateTime,
  updatedAt: dateTime,
});

/** Fails to compile when the response schema and its DTO type drift apart. */
export const VIEWS_SCHEMAS_MATCH_DTOS: { SavedView: Equal<z.infer<typeof SavedViewResponse>, SavedViewDto> } = {
  SavedView: true,
};
