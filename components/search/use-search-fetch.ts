"use client";
import { useEffect, useRef, useState } from "react";

export type FetchState<T> = { status: "idle" | "loading" | "done" | "error"; items: T[] };

/**
 * Fetches `url(text)` once the text has settled for `delay` ms; a newer text aborts the request
 * in flight, so a stale answer never replaces a fresh one. Texts shorter than `minLength` clear.
 */
export function useDebouncedFetch<T>(
  text: string,
  url: (text: string) => string,
  { delay = 200, minLength = 2 }: { delay?: number; minLength?: number } = {},
): FetchState<T> {
  const [state, setState] = useState<FetchState<T>>({ status: "idle", items: [] });
  const urlRef = useRef(url);
  urlRef.current = url;
  useEffect(() => {
    const trimmed = text.trim();
    if (trimmed.length < minLength) {
      setState({ status: "idle", items: [] });
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      setState((previous) => ({ ...previous, status: "loading" }));
      try {
        const response = await fetch(urlRef.current(trimmed), { signal: controller.signal });
        if (!response.ok) throw new Error(String(response.status));
        const body = (await response.json()) as { items: T[] };
        setState({ status: "done", items: body.items });
      } catch (error) {
        if ((error as Error).name !== "AbortError") setState({ status: "error", items: [] });
      }
    }, delay);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [text, delay, minLength]);
  return state;
}
