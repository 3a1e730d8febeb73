"use client";

import type { Editor } from "@tiptap/react";
import { useTranslations } from "next-intl";
import { Bold, Code, Heading2, Heading3, Italic, Link, List, ListOrdered, Quote } from "lucide-react";
import { useState, type ReactNode } from "react";
import { cn } from "@/components/ui/cn";

function ToolButton({
  label,
  isActive,
  onClick,
  children,
}: {
  label: string;
  isActive?: boolean;
  onClick: () => void;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      aria-label={label}
      title={label}
      aria-pressed={isActive}
      onMouseDown={(event) => event.preventDefault()}
      onClick={onClick}
      className={cn(
        "inline-flex min-h-9 min-w-9 items-center justify-center rounded-md px-2 text-sm font-bold pointer-coarse:min-h-11 pointer-coarse:min-w-11",
        isActive ? "bg-ink text-white" : "text-ink hover:bg-sand",
      )}
    >
      {children}
    </button>
  );
}

export function EditorToolbar({ editor }: { editor: Editor | null }) {
  const t = useTranslations("editor");
  const [isLinkOpen, setIsLinkOpen] = useState(false);
  const [href, setHref] = useState("");
  if (!editor) return null;
  const chain = () => editor.chain().focus();
  const applyLink = () => {
    const value = href.trim();
    // A path inside the app (`/cafe`) stays one: help pages accept it, posts refuse it plainly
    // rather than linking to a site called "cafe".
    const target = /^(https?:|mailto:|\/(?![/\\]))/i.test(value) ? value : `https://${value}`;
    if (!value) chain().extendMarkRange("link").unsetLink().run();
    else if (editor.state.selection.empty && !editor.isActive("link")) {
      // Nothing selected: insert the address itself as a link.
      chain()
        .insertContent({ type: "text", text: value, marks: [{ type: "link", attrs: { href: target } }] })
        .unsetMark("link")
        .insertContent(" ")
        .run();
    } else chain().extendMarkRange("link").setLink({ href: target }).run();
    setIsLinkOpen(false);
    setHref("");
  };
  return (
    <div className="border-b border-line">
      <div role="toolbar" aria-label={t("toolbar")} className="flex flex-wrap gap-0.5 p-1">
        <ToolButton label={t("bold")} isActive={editor.isActive("bold")} onClick={() => chain().toggleBold().run()}>
          <Bold aria-hidden="true" className="size-4" />
        </ToolButton>
        <ToolButton
          label={t("italic")}
          isActive={editor.isActive("italic")}
          onClick={() => chain().toggleItalic().run()}
        >
          <Italic aria-hidden="true" className="size-4" />
        </ToolButton>
        <ToolButton
          label={t("heading2")}
          isActive={editor.isActive("heading", { level: 2 })}
          onClick={() => chain().toggleHeading({ level: 2 }).run()}
        >
          <Heading2 aria-hidden="true" className="size-5" />
        </ToolButton>
        <ToolButton
          label={t("heading3")}
          isActive={editor.isActive("heading", { level: 3 })}
          onClick={() => chain().toggleHeading({ level: 3 }).run()}
        >
          <Heading3 aria-hidden="true" className="size-5" />
        </ToolButton>
        <ToolButton
          label={t("bulletList")}
          isActive={editor.isActive("bulletList")}
          onClick={() => chain().toggleBulletList().run()}
        >
          <List aria-hidden="true" className="size-4" />
        </ToolButton>
        <ToolButton
          label={t("orderedList")}
          isActive={editor.isActive("orderedList")}
          onClick={() => chain().toggleOrderedList().run()}
        >
          <ListOrdered aria-hidden="true" className="size-4" />
        </ToolButton>
        <ToolButton
          label={t("blockquote")}
          isActive={editor.isActive("blockquote")}
          onClick={() => chain().toggleBlockquote().run()}
        >
          <Quote aria-hidden="true" className="size-4" />
        </ToolButton>
        <ToolButton label={t("code")} isActive={editor.isActive("code")} onClick={() => chain().toggleCode().run()}>
          <Code aria-hidden="true" className="size-4" />
        </ToolButton>
        <ToolButton
          label={t("link")}
          isActive={editor.isActive("link")}
          onClick={() => {
            setHref(editor.getAttributes("link").href ?? "");
            setIsLinkOpen((open) => !open);
          }}
        >
          <Link aria-hidden="true" className="size-4" />
        </ToolButton>
      </div>
      {isLinkOpen ? (
        <div className="flex flex-wrap items-center gap-2 border-t border-line p-2">
          <label htmlFor="editor-link-url" className="text-sm font-semibold">
            {t("linkUrl")}
          </label>
          <input
            id="editor-link-url"
            type="url"
            value={href}
            autoFocus
            onChange={(event) => setHref(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === "Enter") {
                event.preventDefault();
                applyLink();
              }
              if (event.key === "Escape") setIsLinkOpen(false);
            }}
            placeholder="https://"
            className="min-w-0 flex-1 rounded-md border border-line px-2 py-1.5 text-sm"
          />
          <button
            type="button"
            onClick={applyLink}
            className="rounded-md bg-ink px-3 py-1.5 text-sm font-semibold text-white"
          >
            {t("applyLink")}
          </button>
        </div>
      ) : null}
    </div>
  );
}
