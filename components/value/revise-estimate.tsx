"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { EstimateForm } from "./estimate-form";

type Values = Parameters<typeof EstimateForm>[0]["initial"];

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
