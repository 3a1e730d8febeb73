"use client";

import { useTranslations } from "next-intl";

export type MentionItem = { id: string; name: string; role: string; organisation: string | null };

/** The @mention suggestions, under the caret; arrows, Enter and Escape are handled by the editor. */
export function MentionList({
  items,
  selected,
  rect,
  onPick,
}: {
  items: MentionItem[];
  selected: number;
  rect: DOMRect | null;
  onPick: (item: MentionItem) => void;
}) {
  const t = useTranslations("editor");
  const style = rect
    ? { top: rect.bottom + 4, left: Math.max(8, Math.min(rect.left, window.innerWidth - 264)) }
    : undefined;
  return (
    <ul
      role="listbox"
      aria-label={t("mentionSuggestions")}
      className="fixed z-50 w-64 rounded-xl border border-line bg-white p-1 shadow-lg"
      style={style}
    >
      {items.map((item, index) => (
        <li
          key={item.id}
          role="option"
          aria-selected={index === selected}
          className={`cursor-pointer rounded-lg px-3 py-2 text-sm ${index === selected ? "bg-ink text-white" : "hover:bg-sand"}`}
          onMouseDown={(event) => {
            event.preventDefault();
            onPick(item);
          }}
        >
          <span className="font-semibold">{item.name}</span>
          {item.organisation && item.role === "pro" ? (
            <span className="block text-xs opacity-80">{item.organisation}</span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
