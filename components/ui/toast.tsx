"use client";

import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from "react";
import { cn } from "./cn";

type ToastAction = { label: string; onClick: () => void };
type Toast = { id: number; message: string; tone: "success" | "error"; action?: ToastAction };
type ToastApi = { show: (message: string, tone?: Toast["tone"], action?: ToastAction) => void };

const ToastContext = createContext<ToastApi>({ show: () => {} });

export function useToast(): ToastApi {
  return useContext(ToastContext);
}

let nextId = 1;

/**
 * Short confirmations announced to screen readers through a polite live region. One at a time:
 * a new one replaces the last (three saves never stack three identical toasts). An optional
 * action (e.g. "Annuler") stays a few seconds longer.
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const show = useCallback((message: string, tone: Toast["tone"] = "success", action?: ToastAction) => {
    const id = nextId++;
    setToasts([{ id, message, tone, action }]);
    setTimeout(() => setToasts((current) => current.filter((toast) => toast.id !== id)), action ? 8000 : 5000);
  }, []);
  const api = useMemo(() => ({ show }), [show]);
  return (
    <ToastContext.Provider value={api}>
      {children}
      <div
        aria-live="polite"
        className="pointer-events-none fixed inset-x-0 bottom-4 z-50 flex flex-col items-center gap-2 px-4"
      >
        {toasts.map((toast) => (
          <div
            key={toast.id}
            role="status"
            className={cn(
              "pointer-events-auto rounded-lg px-4 py-3 text-sm font-semibold shadow-lg",
              toast.tone === "success" ? "bg-ink text-white" : "bg-danger text-white",
            )}
          >
            {toast.message}
            {toast.action ? (
              <button
                type="button"
                onClick={() => {
                  setToasts((current) => current.filter((item) => item.id !== toast.id));
                  toast.action!.onClick();
                }}
                className="ml-3 min-h-11 rounded-md px-2 underline"
              >
                {toast.action.label}
              </button>
            ) : null}
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}
