"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { LazyComposer } from "@/components/forum/lazy-composer";
import { RelativeTime } from "@/components/forum/relative-time";
import { RevisionsButton } from "@/components/forum/revisions-dialog";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { ReactionBar } from "@/components/forum/reaction-bar";
import {
  deleteMessageAction,
  editMessageAction,
  messageHistoryAction,
  reactToMessageAction,
} from "@/lib/actions/messages";
import type { MessageView } from "@/lib/messages/views";
import { MessageAttachments } from "./message-attachments";
import { ReportMessageButton } from "./report-message-button";

/** One message: its author and time, its server-rendered body, and the author's own tools. */
export function MessageItem({
  message,
  viewerId,
  onChange,
}: {
  message: MessageView;
  viewerId: string;
  onChange: (message: MessageView) => void;
}) {
  const isOwn = message.author.id === viewerId;
  // Reactions are the same for every participant; each page finds its reader among them.
  const reactions = message.reactions.map((reaction) => ({
    ...reaction,
    hasReacted: reaction.userIds.includes(viewerId),
  }));
  const t = useTranslations("messages");
  const [isEditing, setIsEditing] = useState(false);
  return (
    <article
      aria-labelledby={`m${message.id}-author`}
      id={`m${message.number}`}
      className={cn(
        "flex max-w-[92%] flex-col gap-1 rounded-2xl border border-line p-3 sm:max-w-[80%]",
        isOwn ? "self-end bg-teal-soft" : "self-start bg-white",
      )}
    >
      <header className="flex flex-wrap items-baseline gap-x-2 text-sm">
        <span id={`m${message.id}-author`} className="font-bold">
          {isOwn ? t("you") : message.author.name}
        </span>
        <span className="text-muted">
          <RelativeTime date={message.createdAt} />
        </span>
        {message.editedAt && !message.isDeleted ? (
          <RevisionsButton
            editedAt={message.editedAt}
            loadRevisions={async () => {
              const result = await messageHistoryAction({ messageId: message.id });
              return result.ok ? result.data.revisions : [];
            }}
          />
        ) : null}
      </header>
      {message.isDeleted ? (
        <p className="text-muted italic">{t("deleted")}</p>
      ) : isEditing && message.body ? (
        <LazyComposer
          mode="edit"
          editorId={`edit-message-${message.id}`}
          label={t("editLabel")}
          submitLabel={t("save")}
          initialBody={message.body}
          onCancel={() => setIsEditing(false)}
          onSubmit={async ({ body }) => {
            const result = await editMessageAction({ messageId: message.id, body });
            if (!result.ok) return result;
            onChange(result.data.message);
            setIsEditing(false);
            return { ok: true };
          }}
        />
      ) : (
        // Rendered on the server from allow-listed JSON at write time (lib/editor/render.ts).
        <div className="prose-post break-words" dangerouslySetInnerHTML={{ __html: message.bodyHtml ?? "" }} />
      )}
      {!message.isDeleted ? <MessageAttachments attachments={message.attachments} /> : null}
      {!message.isDeleted && !isEditing ? (
        <div className="flex flex-wrap items-center gap-2">
          <ReactionBar
            reactions={reactions}
            canReact
            toggleReaction={async (emoji) => {
              const result = await reactToMessageAction({ messageId: message.id, emoji });
              return result.ok
                ? result.data.reactions.map((r) => ({ ...r, hasReacted: r.userIds.includes(viewerId) }))
                : null;
            }}
            onChange={(next) =>
              onChange({
                ...message,
                reactions: next.map((r) => ({
                  emoji: r.emoji,
                  count: r.count,
                  names: r.names,
                  userIds: r.userIds ?? [],
                })),
              })
            }
          />
          {isOwn ? (
            <>
              <Button variant="ghost" size="sm" onClick={() => setIsEditing(true)}>
                {t("edit")}
              </Button>
              <Button
                variant="ghost"
                size="sm"
                onClick={async () => {
                  if (!window.confirm(t("confirmDelete"))) return;
                  const result = await deleteMessageAction({ messageId: message.id });
                  if (result.ok) onChange({ ...message, isDeleted: true, bodyHtml: null, body: null });
                }}
              >
                {t("delete")}
              </Button>
            </>
          ) : (
            <ReportMessageButton messageId={message.id} />
          )}
        </div>
      ) : null}
    </article>
  );
}
