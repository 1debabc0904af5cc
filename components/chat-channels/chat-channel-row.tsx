"use client";
import { useState } from "react";
import { EditChatChannelForm } from "@/components/chat-channels/edit-chat-channel-form";
import { Button } from "@/components/ui/button";
import { useSubmit } from "@/components/ui/use-submit";
import { LastDelivery, SendTestButton, TestResult } from "@/components/webhooks/send-test";
import { CHAT_EVENT_LABELS, CHAT_TOOL_LABELS, type ChatEvent } from "@/lib/validation/chat-channel";
import { deleteChatChannelAction, updateChatChannelAction } from "@/server/actions/webhooks";
import type { ChatChannelDto } from "@/server/webhooks/chat-channels";
import type { DeliveryDto } from "@/server/webhooks/webhook-dto";

/** One channel: its tool, events and last message; send a test, edit, pause or resume, delete. */
export function ChatChannelRow({ channel }: { channel: ChatChannelDto }) {
  const [tested, setTested] = useState<DeliveryDto | null>(null);
  const [editing, setEditing] = useState(false);
  const test = useSubmit<DeliveryDto>((delivery) => setTested(delivery));
  const toggle = useSubmit();
  const remove = useSubmit();
  const label = `${CHAT_TOOL_LABELS[channel.tool]} ${channel.name}`;
  const failure = test.message ?? toggle.message ?? remove.message;
  return (
    <li className="space-y-2 py-3" aria-label={label}>
      <div className="flex flex-wrap items-center gap-3">
        <div className="min-w-0 flex-1">
          <p className="text-sm font-medium text-slate-900">
            <span className="mr-1 rounded bg-slate-100 px-1.5 py-0.5 text-xs font-medium text-slate-700">
              {CHAT_TOOL_LABELS[channel.tool]}
            </span>
            {channel.name}
            {!channel.active && <span className="text-xs font-normal text-slate-600"> · paused</span>}
          </p>
          <p className="truncate font-mono text-xs text-slate-600">{channel.shownUrl}</p>
          <p className="text-xs text-slate-600">
            {channel.events.map((e) => CHAT_EVENT_LABELS[e as ChatEvent] ?? e).join(" · ")}
          </p>
        </div>
        <LastDelivery last={channel.lastDelivery} />
        <SendTestButton webhookId={channel.id} label={`Send test message to ${label}`} test={test} />
        {!editing && (
          <Button
            variant="ghost"
            className="px-2 py-1 text-xs"
            aria-label={`Edit ${label}`}
            onClick={() => setEditing(true)}
          >
            Edit
          </Button>
        )}
        <Button
          variant="ghost"
          className="px-2 py-1 text-xs"
          disabled={toggle.pending}
          aria-label={`${channel.active ? "Pause" : "Resume"} ${label}`}
          onClick={() =>
            toggle.run(() => updateChatChannelAction(channel.id, { version: channel.version, active: !channel.active }))
          }
        >
          {channel.active ? "Pause" : "Resume"}
        </Button>
        <Button
          variant="ghost"
          className="px-2 py-1 text-xs"
          disabled={remove.pending}
          aria-label={`Delete ${label}`}
          onClick={() => {
            if (window.confirm(`Delete ${label}? Messages not yet sent are dropped.`))
              remove.run(() => deleteChatChannelAction(channel.id));
          }}
        >
          Delete
        </Button>
      </div>
      {failure && (
        <p role="alert" className="text-sm text-rose-700">
          {failure}
        </p>
      )}
      {editing && <EditChatChannelForm channel={channel} onClose={() => setEditing(false)} />}
      <TestResult delivery={tested} what="Test message" />
      {!tested && channel.lastDelivery?.status === "FAILED" && channel.lastDelivery.error && (
        <p className="text-xs text-rose-700">Last message failed: {channel.lastDelivery.error}</p>
      )}
    </li>
  );
}
