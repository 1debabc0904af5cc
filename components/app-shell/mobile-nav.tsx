"use client";
import { Menu } from "lucide-react";
import { useDeferred } from "../ui/use-deferred";
import type { SidebarProps } from "./sidebar";

export const OPEN_NAVIGATION_CLASS = "rounded-md p-2 text-slate-700 hover:bg-slate-100 md:hidden";

/**
 * The button that opens the navigation drawer on small screens. The drawer's code (Radix
 * Dialog) loads just after the page; until then the same button stands in its place.
 */
export function MobileNav(props: SidebarProps) {
  const loaded = useDeferred(() => import("./navigation-drawer"));
  if (loaded) return <loaded.NavigationDrawer {...props} />;
  return (
    <button type="button" className={OPEN_NAVIGATION_CLASS} aria-label="Open navigation" aria-haspopup="dialog">
      <Menu aria-hidden size={20} />
    </button>
  );
}
