import { notFound } from "next/navigation";
import { ChatChannelForm } from "@/components/chat-channels/chat-channel-form";
import { ChatChannelRow } from "@/components/chat-channels/chat-channel-row";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/permissions";
import { requireUser } from "@/server/auth/current-user";
import { listChatChannels } from "@/server/webhooks/chat-channels";

export const metadata = { title: "Chat channels" };

export default async function ChatChannelsPage() {
  const user = await requireUser("/admin/chat-channels");
  if (!can(user, "webhook:manage")) notFound();
  const channels = await listChatChannels(user);
  return (
    <div className="space-y-6">
      <PageHeader
        title="Chat channels"
        description={
          <>
            Post to Slack or Microsoft Teams channels when a review waits or is decided, a condition falls due, a
            service goes down or a model&apos;s <code>@champion</code> drifts from what a gate approved. Each message
            links back here. Messages go out like webhooks: retried after 1 min, 5 min, 30 min, 2 h and 12 h (a rate
            limit waits as long as the tool asks), through the address policy of Settings.
          </>
        }
      />
      <section aria-labelledby="new-channel" className="rounded-lg border border-slate-200 bg-surface p-4">
        <h2 id="new-channel" className="mb-3 text-lg font-semibold">
          Add a channel
        </h2>
        <ChatChannelForm />
      </section>
      <section aria-labelledby="channel-list">
        <h2 id="channel-list" className="mb-2 text-lg font-semibold">
          Channels ({channels.length})
        </h2>
        {channels.length === 0 ? (
          <EmptyState>
            No channel yet. Create an incoming webhook in Slack or Teams, paste its URL above, and send a test message.
          </EmptyState>
        ) : (
          <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-surface px-4">
            {channels.map((channel) => (
              <ChatChannelRow key={channel.id} channel={channel} />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
