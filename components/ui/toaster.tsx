"use client";
import { createContext, type ReactNode, useCallback, useContext, useState } from "react";
import { useDeferred } from "./use-deferred";

export type ToastItem = { id: number; title: string; description?: string };
type ShowToast = (toast: Omit<ToastItem, "id">) => void;

const ToastContext = createContext<ShowToast>(() => undefined);

/**
 * Toasts: a short confirmation of something done away from where the user looks (a row that
 * changes, a bulk action). Radix announces each one politely to screen readers; F8 moves focus
 * to them; they leave after 5 s, or on Escape or swipe. Errors never go here: they stay next to
 * the field or button that caused them. The toast code loads just after the page
 * (toast-list.tsx); a toast asked for before that shows when it arrives.
 */
export function Toaster({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<ToastItem[]>([]);
  const loaded = useDeferred(() => import("./toast-list"));
  const show = useCallback<ShowToast>((toast) => {
    setToasts((current) => [...current.slice(-2), { ...toast, id: Date.now() + Math.random() }]);
  }, []);
  const close = useCallback((id: number) => setToasts((current) => current.filter((toast) => toast.id !== id)), []);
  return (
    <ToastContext.Provider value={show}>
      {children}
      {loaded && <loaded.ToastList toasts={toasts} onClose={close} />}
    </ToastContext.Provider>
  );
}

/** Shows a toast: `toast({ title: "Token revoked" })`. */
export function useToast(): ShowToast {
  return useContext(ToastContext);
}
