"use client";
import dynamic from "next/dynamic";

/** Scalar's reference, in the browser only: its bundle is fetched when this page renders, never in a first load elsewhere. */
export const ApiReferenceLoader = dynamic(() => import("./api-reference"), {
  ssr: false,
  loading: () => (
    <p
      role="status"
      className="rounded-lg border border-dashed border-slate-300 bg-surface p-8 text-center text-sm text-slate-500"
    >
      Loading the API reference…
    </p>
  ),
});
