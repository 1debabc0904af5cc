"use client";
import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";

/**
 * After a client-side navigation to another page, focus moves to the new page's main heading
 * (or the main region), as after a full page load: keyboard and screen-reader users start
 * reading the new page instead of being left on the link they followed. The first render
 * (a full load) leaves focus to the browser.
 */
export function RouteFocus() {
  const pathname = usePathname();
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    focusMainHeading();
  }, [pathname]);
  return null;
}

/**
 * Focus the page's main heading. While the page is still loading (its skeleton has no heading),
 * the main region holds focus and hands it to the heading when it arrives. The navigation
 * drawer calls this as it closes after a navigation.
 */
export function focusMainHeading(): void {
  const main = document.getElementById("main");
  if (!main) return;
  const heading = main.querySelector<HTMLElement>("h1");
  if (heading) {
    focusQuietly(heading);
    return;
  }
  focusQuietly(main);
  const observer = new MutationObserver(() => {
    const arrived = main.querySelector<HTMLElement>("h1");
    if (!arrived) return;
    observer.disconnect();
    if (document.activeElement === main) focusQuietly(arrived);
  });
  observer.observe(main, { childList: true, subtree: true });
  setTimeout(() => observer.disconnect(), 10_000);
}

function focusQuietly(element: HTMLElement): void {
  if (element.contains(document.activeElement) && element !== document.activeElement) return;
  if (!element.hasAttribute("tabindex")) element.setAttribute("tabindex", "-1");
  element.focus({ preventScroll: true });
}
