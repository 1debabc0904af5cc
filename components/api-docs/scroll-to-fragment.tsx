"use client";

import { useEffect } from "react";

/**
 * Scrolls to the URL's #fragment once the page's content is in place. The reference pages stream
 * in behind the app's loading state, and the browser looks for the fragment while the content is
 * still hidden there: it finds the element, cannot scroll to it, and stops looking. So a link from
 * the overview to /api-docs/gates#decideGate would open the page at its top.
 */
export function ScrollToFragment() {
  useEffect(() => {
    const id = decodeURIComponent(window.location.hash.slice(1));
    if (id) document.getElementById(id)?.scrollIntoView();
  }, []);
  return null;
}
