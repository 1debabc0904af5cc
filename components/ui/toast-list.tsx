"use client";
import { CircleCheck, X } from "lucide-react";
import { Toast } from "radix-ui";
import type { ToastItem } from "./toaster";

/** The toasts themselves (Radix Toast), loaded after the page by the Toaster. */
export function ToastList({ toasts, onClose }: { toasts: ToastItem[]; onClose: (id: number) => void }) {
  return (
    <Toast.Provider duration={5_000} label="Notification">
      {toasts.map((toast) => (
        <Toast.Root
          key={toast.id}
          onOpenChange={(open) => !open && onClose(toast.id)}
          className="flex items-start gap-3 rounded-lg border border-slate-200 bg-surface p-4 shadow-lg"
        >
          <CircleCheck aria-hidden size={18} className="mt-0.5 flex-none text-emerald-700" />
          <div className="flex-1">
            <Toast.Title className="text-sm font-medium text-slate-900">{toast.title}</Toast.Title>
            {toast.description && (
              <Toast.Description className="mt-1 text-sm text-slate-600">{toast.description}</Toast.Description>
            )}
          </div>
          <Toast.Close aria-label="Dismiss" className="rounded p-1 text-slate-600 hover:bg-slate-100">
            <X aria-hidden size={16} />
          </Toast.Close>
        </Toast.Root>
      ))}
      <Toast.Viewport className="fixed right-4 bottom-4 z-50 flex w-96 max-w-[calc(100vw-2rem)] flex-col gap-2 outline-none" />
    </Toast.Provider>
  );
}
