// Saved views of the use-case list. Spread into ENDPOINTS by ./index.ts.
import "server-only";
import { z } from "zod";
import { SavedViewCreateSchema, SavedViewUpdateSchema } from "@/lib/validation/view";
import type { Endpoint } from "../endpoint";
import { SavedViewResponse } from "../schemas/views";

export const VIEW_ENDPOINTS: readonly Endpoint[] = [
  {
    method: "GET",
    path: "/api/v1/views",
    operationId: "listViews",
    summary: "List saved views",
    description: "The caller's own views, then the views others shared, each by name.",
    tag: "Views",
    success: { status: 200, description: "The views the caller sees.", schema: z.array(SavedViewResponse) },
    errors: [401],
  },
  {
    method: "POST",
    path: "/api/v1/views",
    operationId: "createView",
    summary: "Save a view",
    description:
      "`query` is the use-case list's query string (normalised: `view`, `columns` and `page` dropped, keys sorted); `columns` defaults to all. `shared: true` is for ADMIN and BUSINESS only (403). A name the caller already uses: 422 on `name`.",
    tag: "Views",
    body: { schema: SavedViewCreateSchema },
    success: { status: 201, description: "The view.", schema: SavedViewResponse },
    errors: [400, 401, 403, 413, 422],
  },
  {
    method: "GET",
    path: "/api/v1/views/{id}",
    operationId: "getView",
    summary: "Get a saved view",
    description: "Another user's personal view is a 404.",
    tag: "Views",
    success: { status: 200, description: "The view.", schema: SavedViewResponse },
    errors: [401, 404],
  },
  {
    method: "PATCH",
    path: "/api/v1/views/{id}",
    operationId: "updateView",
    summary: "Rename, share or update a view, or make it the landing view",
    description:
      "With the current `version` (409 with `current` when stale). `name`, `shared`, `query` and `columns` are its owner's (403 for anyone else); `default` (true or false) sets or clears the caller's own landing view, on any view they see.",
    tag: "Views",
    body: { schema: SavedViewUpdateSchema },
    success: { status: 200, description: "The view.", schema: SavedViewResponse },
    errors: [400, 401, 403, 404, 409, 413, 422],
  },
  {
    method: "DELETE",
    path: "/api/v1/views/{id}",
    operationId: "deleteView",
    summary: "Delete a saved view",
    description: "Its owner only (403); whoever landed on it lands on all use cases again.",
    tag: "Views",
    success: { status: 204, description: "Deleted." },
    errors: [401, 403, 404],
  },
];
