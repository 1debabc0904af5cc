import "server-only";
import type { Actor } from "@/lib/permissions";
import { listQueryString, queryParams } from "@/lib/query-params";
import { columnsFromParam, type UseCaseColumn } from "@/lib/use-case-columns";
import { landingView, listViews, myListColumns, type SavedViewDto } from "./saved-views";

type Search = Record<string, string | string[] | undefined>;

export type ListViewState =
  /** /use-cases with no query string and a landing view: go there. */
  | { redirectTo: string }
  | {
      /** The saved view shown (`view=<id>`), or null; `view=all` is the plain list. */
      view: SavedViewDto | null;
      /** Every view the user sees (the sidebar's, and to find `view`). */
      views: SavedViewDto[];
      /** The filters and sort shown, as a view stores them. */
      query: string;
      /** The columns shown: the address's (`columns=`), else the view's, else the user's own. */
      columns: UseCaseColumn[];
    };

/** What the use-case list shows besides its rows: the saved view, its columns, or where to land. */
export async function listViewState(actor: Actor, search: Search): Promise<ListViewState> {
  const read = queryParams(search);
  if (Object.keys(search).length === 0) {
    const landing = await landingView(actor);
    if (landing) return { redirectTo: landing.href };
  }
  const views = await listViews(actor);
  const view = read.view && read.view !== "all" ? (views.find((one) => one.id === read.view) ?? null) : null;
  const columns = columnsFromParam(read.columns) ?? view?.columns ?? (await myListColumns(actor));
  return { view, views, query: listQueryString(read), columns };
}
