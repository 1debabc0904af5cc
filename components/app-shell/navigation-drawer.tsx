"use client";
import { Menu, X } from "lucide-react";
import { usePathname } from "next/navigation";
import { Dialog } from "radix-ui";
import { useEffect, useRef, useState } from "react";
import { OPEN_NAVIGATION_CLASS } from "./mobile-nav";
import { focusMainHeading } from "./route-focus";
import { Sidebar, type SidebarProps } from "./sidebar";

/** Below the md breakpoint the sidebar folds into this drawer, opened from the top bar (loaded by mobile-nav.tsx). */
export function NavigationDrawer(props: SidebarProps) {
  const [open, setOpen] = useState(false);
  const pathname = usePathname();
  const navigated = useRef(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: close the drawer after each navigation.
  useEffect(() => {
    navigated.current = true;
    setOpen(false);
  }, [pathname]);
  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger className={OPEN_NAVIGATION_CLASS} aria-label="Open navigation">
        <Menu aria-hidden size={20} />
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-black/50" />
        <Dialog.Content
          // Closed by a navigation: focus goes to the new page's heading, not back to the menu button.
          onCloseAutoFocus={(event) => {
            if (!navigated.current) return;
            event.preventDefault();
            focusMainHeading();
          }}
          onOpenAutoFocus={() => {
            navigated.current = false;
          }}
          className="fixed inset-y-0 left-0 z-50 w-72 max-w-[85vw] overflow-y-auto bg-surface p-4 shadow-xl"
        >
          <div className="mb-4 flex items-center justify-between">
            <Dialog.Title className="px-3 text-lg font-semibold text-slate-900">Roadbook</Dialog.Title>
            <Dialog.Close className="rounded-md p-2 text-slate-700 hover:bg-slate-100" aria-label="Close navigation">
              <X aria-hidden size={20} />
            </Dialog.Close>
          </div>
          <Dialog.Description className="sr-only">The main navigation.</Dialog.Description>
          <Sidebar {...props} />
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
