"use client";

import { useEditor, EditorContent, type Editor, type JSONContent } from "@tiptap/react";
import Mention from "@tiptap/extension-mention";
import type { SuggestionKeyDownProps, SuggestionProps } from "@tiptap/suggestion";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { baseExtensions } from "@/lib/editor/extensions";
import { EditorToolbar } from "./editor-toolbar";
import { MentionList, type MentionItem } from "./mention-list";

type SuggestionState = {
  items: MentionItem[];
  selected: number;
  rect: DOMRect | null;
  command: (item: { id: string; label: string }) => void;
} | null;

type RichTextEditorProps = {
  id: string;
  label: string;
  initialContent?: JSONContent | null;
  onChange?: (doc: JSONContent) => void;
  autoFocus?: boolean;
  describedBy?: string;
  isInvalid?: boolean;
  /** Receives the editor once created, so the parent can read or reset it. */
  onReady?: (editor: Editor) => void;
};

async function fetchMembers(query: string): Promise<MentionItem[]> {
  if (!query) return [];
  const response = await fetch(`/api/members?q=${encodeURIComponent(query)}`);
  return response.ok ? response.json() : [];
}

/** The Tiptap editor: loaded only by people who write, never by readers. */
export function RichTextEditor({
  id,
  label,
  initialContent,
  onChange,
  autoFocus,
  describedBy,
  isInvalid,
  onReady,
}: RichTextEditorProps) {
  const t = useTranslations("editor");
  const [suggestion, setSuggestion] = useState<SuggestionState>(null);
  const suggestionRef = useRef<SuggestionState>(null);
  const onChangeRef = useRef(onChange);
  // The editor's callbacks are created once: they read the latest values through refs.
  useEffect(() => {
    suggestionRef.current = suggestion;
    onChangeRef.current = onChange;
  });

  const editor = useEditor({
    immediatelyRender: false,
    autofocus: autoFocus ? "end" : false,
    content: initialContent ?? "",
    extensions: [
      ...baseExtensions().filter((extension) => extension.name !== "mention"),
      Mention.configure({
        HTMLAttributes: { class: "mention" },
        suggestion: {
          char: "@",
          items: ({ query }) => fetchMembers(query),
          render: () => ({
            onStart: (props: SuggestionProps<MentionItem>) =>
              setSuggestion({
                items: props.items,
                selected: 0,
                rect: props.clientRect?.() ?? null,
                command: props.command,
              }),
            onUpdate: (props: SuggestionProps<MentionItem>) =>
              setSuggestion({
                items: props.items,
                selected: 0,
                rect: props.clientRect?.() ?? null,
                command: props.command,
              }),
            onKeyDown: ({ event }: SuggestionKeyDownProps) => {
              const current = suggestionRef.current;
              if (!current || current.items.length === 0) return false;
              if (event.key === "ArrowDown" || event.key === "ArrowUp") {
                const step = event.key === "ArrowDown" ? 1 : -1;
                setSuggestion({
                  ...current,
                  selected: (current.selected + step + current.items.length) % current.items.length,
                });
                return true;
              }
              if (event.key === "Enter" || event.key === "Tab") {
                const item = current.items[current.selected];
                if (item) current.command({ id: item.id, label: item.name });
                return true;
              }
              if (event.key === "Escape") {
                setSuggestion(null);
                return true;
              }
              return false;
            },
            onExit: () => setSuggestion(null),
          }),
        },
      }),
    ],
    editorProps: {
      attributes: {
        id,
        role: "textbox",
        "aria-multiline": "true",
        "aria-label": label,
        ...(describedBy ? { "aria-describedby": describedBy } : {}),
        ...(isInvalid ? { "aria-invalid": "true" } : {}),
        class: "prose-post min-h-36 max-h-[60vh] overflow-y-auto px-3 py-2.5 focus:outline-none",
      },
    },
    onUpdate: ({ editor: current }) => onChangeRef.current?.(current.getJSON()),
  });

  useEffect(() => {
    if (editor && onReady) onReady(editor);
  }, [editor, onReady]);

  return (
    <div
      className={`rounded-lg border bg-white focus-within:outline focus-within:outline-3 focus-within:outline-teal ${isInvalid ? "border-danger" : "border-line"}`}
    >
      <EditorToolbar editor={editor} />
      <EditorContent editor={editor} />
      {!editor ? <div className="min-h-36 px-3 py-2.5 text-muted">{t("loading")}</div> : null}
      {suggestion && suggestion.items.length > 0 ? (
        <MentionList
          items={suggestion.items}
          selected={suggestion.selected}
          rect={suggestion.rect}
          onPick={(item) => suggestion.command({ id: item.id, label: item.name })}
        />
      ) : null}
    </div>
  );
}
