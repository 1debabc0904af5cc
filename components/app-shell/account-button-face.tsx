// What the account menu's button shows: the initials, then (from lg) the name and role. The
// accessible name, "Account menu: name role", holds the visible text (WCAG 2.5.3). Shared by the
// button shown while the menu's code loads and the menu's own trigger, so nothing moves.
export const ACCOUNT_BUTTON_CLASS =
  "flex items-center gap-2 rounded-md px-2 py-1.5 text-sm text-slate-700 hover:bg-slate-100";

export function AccountButtonFace({ name, roleLabel }: { name: string; roleLabel: string }) {
  return (
    <>
      <span
        aria-hidden
        className="flex h-7 w-7 items-center justify-center rounded-full bg-brand-100 text-xs font-semibold text-brand-700"
      >
        {initials(name)}
      </span>
      <span className="sr-only">Account menu: </span>
      <span className="sr-only text-left leading-tight whitespace-nowrap lg:not-sr-only">
        <span className="block font-medium text-slate-900">{name} </span>
        <span className="block text-xs text-slate-600">{roleLabel}</span>
      </span>
    </>
  );
}

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? "?") + (parts.length > 1 ? (parts.at(-1)?.[0] ?? "") : "")).toUpperCase();
}
