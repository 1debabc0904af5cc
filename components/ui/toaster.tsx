"use client";
import { CircleCheck, X } from "lucide-react";
import { Toast } from "radix-ui";
import { createContext, type ReactNode, useCallback, useContext, useState } from "react";

type ToastItem = { id: number; title: string; description?: string };
type ShowToast = (toast: Omit<ToastItem, "id">) => void;

const ToastContext = createContext<ShowToast>(() => undefined);

/**
 * Toasts: a short confirmation of something done away from where the user looks (a row that
 * disappears, a bulk action). Radix announces each one politely to screen readers; F8 moves
 * focus to them; they leave after 5 s, or on Escape or swipe. Errors never go here: they stay
 * next to the field or button that caused them.
 */
export function Toaster({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<ToastItem[]>([]);
  const show = useCallback<ShowToast>((toast) => {
    setToasts((current) => [...current.slice(-2), { ...toast, id: Date.now() + Math.random() }]);
  }, []);
  const remove = (id: number) => setToasts((current) => current.filter((toast) => toast.id !== id));
  return (
    <ToastContext.Provider value={show}>
      <Toast.Provider duration={5_000} label="Notification">
        {children}
        {toasts.map((toast) => (
          <Toast.Root
            key={toast.id}
            onOpenChange={(open) => !open && remove(toast.id)}
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
    </ToastContext.Provider>
  );
}

/** Shows a toast: `toast({ title: "Token revoked" })`. */
export function useToast(): ShowToast {
  return useContext(ToastContext);
}
