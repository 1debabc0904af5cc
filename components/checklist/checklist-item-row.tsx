"use client";
import { useState } from "react";
import { AttachmentList } from "@/components/attachments/attachment-list";
import { Button } from "@/components/ui/button";
import { LocalDate } from "@/components/ui/local-date";
import {
  CHECKLIST_STATUS_LABELS,
  isClosedStatus,
  SERVICE_KIND_LABELS,
  type ServiceKind,
} from "@/lib/checklist-templates";
import { HEALTH_LABELS, type HealthStatus } from "@/lib/services";
import type { ChecklistItemDto } from "@/server/checklists/checklist-dto";
import { ChecklistItemEditor } from "./checklist-item-editor";

const STATUS_STYLE: Record<string, string> = {
  TODO: "bg-slate-100 text-slate-700",
  IN_PROGRESS: "bg-sky-100 text-sky-800",
  DONE: "bg-emerald-100 text-emerald-800",
  NOT_APPLICABLE: "bg-slate-200 text-slate-600",
};

export function ChecklistItemRow({
  useCaseKey,
  item,
  canEdit,
  people,
}: {
  useCaseKey: string;
  item: ChecklistItemDto;
  canEdit: boolean;
  people: { id: string; name: string }[];
}) {
  const [editing, setEditing] = useState(false);
  return (
    <li className="py-3" aria-label={item.label}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0 flex-1 space-y-1">
          <p className={`text-sm font-medium ${isClosedStatus(item.status) ? "text-slate-600" : "text-slate-900"}`}>
            {item.label}
          </p>
          {(item.answer || item.note || item.evidenceUrl) && (
            <p className="text-sm text-slate-600">
              {item.answer && <span className="font-medium text-slate-800">{item.answer}</span>}
              {item.answer && item.note && " · "}
              {item.note}
              {item.evidenceUrl && (
                <>
                  {" "}
                  <a
                    href={item.evidenceUrl}
                    className="text-brand-700 underline"
                    target="_blank"
                    rel="noreferrer noopener"
                  >
                    evidence
                  </a>
                </>
              )}
            </p>
          )}
          {item.evidenceKind && (
            <p className="text-xs text-slate-500">
              Automatic evidence ({SERVICE_KIND_LABELS[item.evidenceKind as ServiceKind] ?? item.evidenceKind}):{" "}
              {item.evidenceServices.length === 0
                ? "no service yet"
                : item.evidenceServices.map((service, index) => (
                    <span key={service.id}>
                      {index > 0 && ", "}
                      <a href={service.url} className="underline" target="_blank" rel="noreferrer noopener">
                        {service.name}
                      </a>{" "}
                      ({service.environment.toLowerCase()},{" "}
                      {service.checkedAt ? (
                        <>
                          {HEALTH_LABELS[service.healthStatus as HealthStatus].toLowerCase()}, checked{" "}
                          <LocalDate value={service.checkedAt} />
                        </>
                      ) : (
                        "health not checked yet"
                      )}
                      )
                    </span>
                  ))}
            </p>
          )}
          <AttachmentList target="CHECKLIST_ITEM" targetId={item.id} label={`“${item.label}”`} canUpload={canEdit} />
          {(item.owner || item.updatedBy) && (
            <p className="text-xs text-slate-500">
              {item.owner && `Owner: ${item.owner.name}`}
              {item.owner && item.updatedBy && " · "}
              {item.updatedBy && (
                <>
                  Changed by {item.updatedBy.name} on <LocalDate value={item.updatedAt} />
                </>
              )}
            </p>
          )}
        </div>
        <div className="flex items-center gap-2">
          <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${STATUS_STYLE[item.status] ?? ""}`}>
            {CHECKLIST_STATUS_LABELS[item.status]}
          </span>
          {canEdit && !editing && (
            <Button
              variant="secondary"
              className="px-2 py-1 text-xs"
              aria-label={`Update “${item.label}”`}
              onClick={() => setEditing(true)}
            >
              Update
            </Button>
          )}
        </div>
      </div>
      {editing && (
        <ChecklistItemEditor useCaseKey={useCaseKey} item={item} people={people} onClose={() => setEditing(false)} />
      )}
    </li>
  );
}
