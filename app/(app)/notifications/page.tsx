import { MarkAllRead } from "@/components/app-shell/mark-all-read";
import { EmptyState } from "@/components/ui/empty-state";
import { LocalDate } from "@/components/ui/local-date";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/server/auth/current-user";
import { listNotifications } from "@/server/notifications/list-notifications";

export const metadata = { title: "Notifications" };

export default async function NotificationsPage() {
  const user = await requireUser("/notifications");
  const notifications = await listNotifications(user);
  const unread = notifications.filter((n) => !n.read).length;
  return (
    <div className="space-y-6">
      <PageHeader title="Notifications" actions={unread > 0 && <MarkAllRead />} />
      {notifications.length === 0 ? (
        <EmptyState boxed>
          No notifications. You will hear here when a review waits for you, when yours is decided, when a condition you
          own falls due, and when someone @mentions you in a comment.
        </EmptyState>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-surface">
          {notifications.map((n) => (
            <li key={n.id} className={`flex items-start gap-3 px-4 py-3 text-sm ${n.read ? "text-slate-500" : ""}`}>
              {!n.read && <span className="sr-only">Unread:</span>}
              <span
                aria-hidden
                className={`mt-1.5 h-2 w-2 flex-none rounded-full ${n.read ? "bg-transparent" : "bg-brand-600"}`}
              />
              <a href={n.href} className="flex-1 hover:underline">
                {n.title}
              </a>
              <time dateTime={n.createdAt} className="whitespace-nowrap text-xs text-slate-500">
                <LocalDate value={n.createdAt} relative />
              </time>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
