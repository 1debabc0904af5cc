import Link from "next/link";
import { buttonClass } from "./button-class";

/** "Showing a–b of n", then Previous · Page x of y · Next, as links (the page is in the URL). */
export function Pagination({
  page,
  pages,
  total,
  first,
  last,
  hrefFor,
}: {
  page: number;
  pages: number;
  total: number;
  /** The positions (1-based) of the first and last item shown. */
  first: number;
  last: number;
  hrefFor: (page: number) => string;
}) {
  return (
    <nav aria-label="Pagination" className="flex items-center justify-between text-sm text-slate-600">
      <p>
        Showing {first}–{last} of {total}
      </p>
      <div className="flex gap-2">
        {page > 1 ? (
          <Link className={buttonClass("secondary")} href={hrefFor(page - 1)} rel="prev">
            Previous
          </Link>
        ) : null}
        <span className="px-2 py-2">
          Page {page} of {pages}
        </span>
        {page < pages ? (
          <Link className={buttonClass("secondary")} href={hrefFor(page + 1)} rel="next">
            Next
          </Link>
        ) : null}
      </div>
    </nav>
  );
}
