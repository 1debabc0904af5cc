"use client";
import { markNotificationsReadAction } from "@/app/(app)/gates-actions";
import { Button } from "@/components/ui/button";
import { useSubmit } from "@/components/ui/use-submit";

export function MarkAllRead() {
  const { pending, run } = useSubmit();
  return (
    <Button variant="secondary" disabled={pending} onClick={() => run(() => markNotificationsReadAction())}>
      Mark all as read
    </Button>
  );
}
