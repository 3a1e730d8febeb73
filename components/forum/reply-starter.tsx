"use client";

import type { JSONContent } from "@tiptap/react";
import { useCallback, useEffect, useRef } from "react";
import { loadComposer } from "./lazy-composer";

type ReplyStarterProps = {
  label: string;
  /** Called once the editor chunk is loaded, with what was typed in the plain box meanwhile. */
  onStart: (text: string) => void;
};

/** Plain text typed before the editor existed, as the editor's first paragraphs (null when empty). */
export function textToDoc(text: string): JSONContent | null {
  if (!text.trim()) return null;
  return {
    type: "doc",
    content: text
      .split("\n")
      .map((line) => (line ? { type: "paragraph", content: [{ type: "text", text: line }] } : { type: "paragraph" })),
  };
}

/**
 * The "Écrire une réponse…" box is a real textarea in the server HTML: on a slow network a tap
 * focuses it and typing works before any script has run. Once hydrated, its focus (or text
 * already in it) loads the editor while the textarea keeps taking keystrokes, then hands its
 * text over: no tap and no letter is lost.
 */
export function ReplyStarter({ label, onStart }: ReplyStarterProps) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const isStarting = useRef(false);

  const start = useCallback(() => {
    if (isStarting.current) return;
    isStarting.current = true;
    loadComposer().then(
      () => onStart(ref.current?.value ?? ""),
      () => {
        // The chunk failed (offline): the textarea keeps working, a later focus tries again.
        isStarting.current = false;
      },
    );
  }, [onStart]);

  // Hydration happened after the tap: what the person started is picked up here.
  useEffect(() => {
    const element = ref.current;
    if (element && (element.value || document.activeElement === element)) start();
  }, [start]);

  return (
    <textarea
      ref={ref}
      aria-label={label}
      placeholder={label}
      rows={2}
      onFocus={start}
      className="min-h-14 w-full resize-none rounded-2xl border border-line bg-white px-4 py-4 text-base text-ink placeholder:text-muted hover:border-teal focus-visible:outline-teal"
    />
  );
}
