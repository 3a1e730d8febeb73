"use client";
import { useEffect, useState } from "react";

export type FetchState<T> = { status: "idle" | "loading" | "done" | "error"; items: T[] };

/**
 * Fetches `url` once it has stayed the same for `delay` ms; a newer url aborts the request in
 * flight, so a stale answer never replaces a fresh one. A null url (nothing to ask) is idle.
 */
export function useDebouncedFetch<T>(url: string | null, delay = 200): FetchState<T> {
  const [state, setState] = useState<FetchState<T> & { url: string | null }>({ url: null, status: "idle", items: [] });
  useEffect(() => {
    if (!url) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(url, { signal: controller.signal });
        if (!response.ok) throw new Error(String(response.status));
        const body = (await response.json()) as { items: T[] };
        setState({ url, status: "done", items: body.items });
      } catch (error) {
        if ((error as Error).name !== "AbortError") setState({ url, status: "error", items: [] });
      }
    }, delay);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [url, delay]);
  if (!url) return { status: "idle", items: [] };
  // Until the answer for this url arrives, show none of an older one's items.
  return state.url === url ? state : { status: "loading", items: [] };
}
