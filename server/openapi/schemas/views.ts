// Response schemas: saved views of the use-case list.
// The single declaration of these response shapes: the DTO types of server/ are inferred from
// them (z.infer). Not validated at run time.
import "server-only";
import { z } from "zod";
import { USE_CASE_COLUMNS } from "@/lib/use-case-columns";
import { dateTime, PersonSchema } from "./common";

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
