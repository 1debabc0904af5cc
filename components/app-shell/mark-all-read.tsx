"use client";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toaster";
import { useSubmit } from "@/components/ui/use-submit";
import { markNotificationsReadAction } from "@/server/actions/notifications";

export function MarkAllRead() {
  const toast = useToast();
  const { pending, run } = useSubmit(() => toast({ title: "All notifications marked as read" }));
  return (
    <Button variant="secondary" disabled={pending} onClick={() => run(() => markNotificationsReadAction())}>
      Mark all as read
    </Button>
  );
}
