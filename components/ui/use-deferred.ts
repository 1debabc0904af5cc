"use client";
import { useEffect, useState } from "react";

/**
 * A module loaded after the page has hydrated, so its code stays out of the route's first-load
 * JavaScript (like the charts in components/charts/lazy-charts.tsx). Returns null until it has
 * arrived: render a look-alike placeholder meanwhile. For components whose placeholder needs the
 * component's props (next/dynamic's `loading` does not get them).
 */
export function useDeferred<T>(load: () => Promise<T>): T | null {
  const [loaded, setLoaded] = useState<T | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: loaded once, on mount.
  useEffect(() => {
    let live = true;
    load().then((value) => live && setLoaded(() => value));
    return () => {
      live = false;
    };
  }, []);
  return loaded;
}
