"use client";
import dynamic from "next/dynamic";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { EstimateForm as EstimateFormType } from "./estimate-form";

type Values = Parameters<typeof EstimateFormType>[0]["initial"];

// The form (and its validation) loads when the user opens it.
const EstimateForm = dynamic(() => import("./estimate-form").then((m) => m.EstimateForm), {
  loading: () => <p className="text-sm text-slate-500">Opening the form…</p>,
});

export function ReviseEstimate({ useCaseKey, initial }: { useCaseKey: string; initial: Values }) {
  const [open, setOpen] = useState(false);
  return open ? (
    <EstimateForm useCaseKey={useCaseKey} initial={initial} onDone={() => setOpen(false)} />
  ) : (
    <Button variant="secondary" onClick={() => setOpen(true)}>
      Revise the estimate
    </Button>
  );
}
