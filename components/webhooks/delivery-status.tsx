import type { DeliveryDto } from "@/server/webhooks/webhook-dto";

type DeliveryStatus = DeliveryDto["status"];

const COLORS: Record<DeliveryStatus, string> = {
  PENDING: "bg-amber-50 text-amber-700 ring-amber-200",
  SUCCEEDED: "bg-green-50 text-green-700 ring-green-200",
  FAILED: "bg-rose-50 text-rose-700 ring-rose-200",
};
const LABELS: Record<DeliveryStatus, string> = { PENDING: "Pending", SUCCEEDED: "Delivered", FAILED: "Failed" };

export function DeliveryStatusBadge({ status }: { status: DeliveryStatus }) {
  return (
    <span
      className={`inline-flex items-center whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${COLORS[status]}`}
    >
      {LABELS[status]}
    </span>
  );
}
