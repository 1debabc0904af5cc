import Link from "next/link";

/** A use case's tags as small links, each listing the use cases with that tag. */
export function TagChips({ tags, className = "mt-1" }: { tags: string[]; className?: string }) {
  if (tags.length === 0) return null;
  return (
    <ul className={`flex flex-wrap gap-1 ${className}`} aria-label="Tags">
      {tags.map((tag) => (
        <li key={tag}>
          <Link
            href={`/use-cases?tag=${encodeURIComponent(tag)}`}
            aria-label={`Use cases tagged ${tag}`}
            className="inline-block rounded-full bg-brand-50 px-2 py-0.5 text-xs font-medium text-brand-800 hover:bg-brand-100 hover:underline"
          >
            {tag}
          </Link>
        </li>
      ))}
    </ul>
  );
}
