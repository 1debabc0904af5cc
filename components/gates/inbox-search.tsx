import { buttonClass } from "@/components/ui/button-class";
import { controlClass } from "@/components/ui/field";

/** The review inbox's search: a GET form, so the query is in the URL and works without JavaScript. */
export function InboxSearch({ q }: { q: string }) {
  return (
    <search aria-label="Find a review">
      <form method="get" action="/reviews" className="flex flex-wrap items-end gap-2">
        <label className="text-sm">
          <span className="mb-1 block font-medium text-slate-700">Find a use case</span>
          <input
            name="q"
            type="search"
            defaultValue={q}
            placeholder="Key (UC-12) or title"
            className={controlClass(false)}
          />
        </label>
        <button type="submit" className={buttonClass("secondary")}>
          Find
        </button>
        {q && (
          <a href="/reviews" className={buttonClass("ghost")}>
            Show all
          </a>
        )}
      </form>
    </search>
  );
}
