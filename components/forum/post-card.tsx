"use client";

import { useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";
import type { JSONContent } from "@tiptap/react";
import { deletePostAction, getPostSourceAction, updatePostAction } from "@/lib/actions/forum";
import { Avatar } from "@/components/ui/avatar";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Dialog } from "@/components/ui/dialog";
import type { PostView, ReactionView } from "@/lib/forum/views";
import { PostTools } from "@/components/moderation/post-tools";
import { isProAnswer, useThreadExtras } from "@/components/questions/thread-extras";
import { AuthorName } from "./author-name";
import { LazyComposer } from "./lazy-composer";
import { ReactionBar } from "./reaction-bar";
import { RelativeTime } from "./relative-time";
import { RevisionsButton } from "./revisions-dialog";
import { translateKey } from "@/lib/i18n/translate-key";

type PostCardProps = {
  post: PostView;
  isOpening?: boolean;
  isNested?: boolean;
  canReply: boolean;
  onReply: (post: PostView) => void;
  onChange: (post: PostView) => void;
  children?: ReactNode;
  /** Prefix of the element ids (the same post shown twice, e.g. as the accepted answer, needs its own). */
  anchorPrefix?: string;
};

type Editing = { body: JSONContent; version: number; conflictHtml?: string };

export function PostCard({
  post,
  isOpening,
  isNested,
  canReply,
  onReply,
  onChange,
  children,
  anchorPrefix = "p",
}: PostCardProps) {
  const t = useTranslations("forum");
  const tQa = useTranslations("qa");
  const extras = useThreadExtras();
  const isFromPro = isProAnswer(extras, post, isOpening);
  const pageComment = post.bodyHtml === null ? undefined : extras?.pageCommentLinks?.[post.number];
  const [editing, setEditing] = useState<Editing | null>(null);
  const [isConfirmingDelete, setIsConfirmingDelete] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  const tRoot = useTranslations();

  const startEditing = async () => {
    setActionError(null);
    const result = await getPostSourceAction({ postId: post.id });
    if (result.ok) setEditing({ body: result.data.body as JSONContent, version: result.data.version });
    else setActionError(result.error);
  };

  const remove = async () => {
    const result = await deletePostAction({ postId: post.id });
    setIsConfirmingDelete(false);
    if (result.ok)
      onChange({
        ...post,
        isDeleted: true,
        bodyHtml: null,
        reactions: [],
        canEdit: false,
        canDelete: false,
        canReact: false,
      });
    else setActionError(result.error);
  };

  const placeholder = post.isDeleted
    ? t("deletedPost")
    : post.isHidden && post.bodyHtml === null
      ? t("hiddenPost")
      : null;
  return (
    <article
      id={`${anchorPrefix}${post.number}`}
      aria-labelledby={`${anchorPrefix}${post.number}-author`}
      className={cn(
        "post-anchor scroll-mt-24 rounded-2xl",
        isNested ? "border-l-2 border-line pl-3 sm:pl-4" : "border border-line bg-white p-4 sm:p-5",
        isFromPro && (isNested ? "border-teal" : "border-teal/60 ring-1 ring-teal/40"),
      )}
    >
      {isFromPro ? (
        <p className="mb-2 text-xs font-bold uppercase tracking-wide text-teal">{tQa("proAnswer")}</p>
      ) : null}
      <header className="flex items-start gap-3">
        <Avatar name={post.author.name} seed={post.author.id} size={isNested ? "sm" : "md"} />
        <div className="min-w-0 flex-1">
          <div id={`${anchorPrefix}${post.number}-author`}>
            <AuthorName author={post.author} />
          </div>
          <p className="flex flex-wrap items-center gap-x-2 text-sm text-muted">
            <a href={`#p${post.number}`} className="hover:underline">
              <RelativeTime date={post.createdAt} />
            </a>
            {post.editedAt && !post.isDeleted ? <RevisionsButton postId={post.id} editedAt={post.editedAt} /> : null}
          </p>
        </div>
      </header>

      <div className="mt-3">
        {editing ? (
          <div className="flex flex-col gap-3">
            {editing.conflictHtml !== undefined ? (
              <div role="alert" className="rounded-lg border border-danger/30 bg-danger-soft p-3 text-sm">
                <p className="font-semibold text-danger">{t("editConflict")}</p>
                <p className="mt-2 font-semibold">{t("theirVersion")}</p>
                <div
                  className="prose-post mt-1 rounded-md bg-white p-2"
                  dangerouslySetInnerHTML={{ __html: editing.conflictHtml }}
                />
                <p className="mt-2">{t("yourVersionBelow")}</p>
              </div>
            ) : null}
            <LazyComposer
              mode="edit"
              editorId={`edit-${post.id}`}
              label={t("editLabel")}
              submitLabel={editing.conflictHtml !== undefined ? t("overwrite") : t("saveEdit")}
              initialBody={editing.body}
              onCancel={() => setEditing(null)}
              onSubmit={async ({ body }) => {
                const result = await updatePostAction({ postId: post.id, body, expectedVersion: editing.version });
                if (!result.ok) return result;
                if (result.data.conflict) {
                  // Someone saved first: show both texts; submitting again replaces theirs knowingly.
                  setEditing({
                    body,
                    version: result.data.current.version,
                    conflictHtml: result.data.current.bodyHtml,
                  });
                  return { ok: false, error: "forum.editConflict" };
                }
                onChange(result.data.post);
                setEditing(null);
                return { ok: true };
              }}
            />
          </div>
        ) : placeholder ? (
          <p className="italic text-muted">{placeholder}</p>
        ) : (
          <>
            {post.isHidden ? (
              <p className="mb-2 rounded-lg bg-danger-soft px-3 py-2 text-sm text-danger">
                {t("hiddenForOthers", { reason: post.hiddenReason ?? "" })}
              </p>
            ) : null}
            {pageComment ? (
              <p className="mb-1 text-sm font-semibold text-muted">
                {tRoot(pageComment.isArea ? "review.pageCommentPrefixRect" : "review.pageCommentPrefix", {
                  page: pageComment.page,
                  version: pageComment.version,
                })}
              </p>
            ) : null}
            {/* Rendered on the server from allow-listed JSON at write time (lib/editor/render.ts). */}
            <div className="prose-post" dangerouslySetInnerHTML={{ __html: post.bodyHtml ?? "" }} />
            {pageComment ? (
              // The marker shows the version it belongs to when the link is followed (VersionViewer).
              <a
                href={`#page-comment-${pageComment.markerId}`}
                className="mt-2 inline-block text-sm font-semibold text-teal underline"
              >
                {tRoot("review.seeOnPage", { page: pageComment.page })}
              </a>
            ) : null}
            {/* Recordings are served by the file route, which checks the reader again. */}
            {post.attachments.map((attachment) =>
              attachment.contentType.startsWith("audio/") ? (
                <audio
                  key={attachment.fileId}
                  controls
                  // A thread may hold many: each downloads when played, not when the page opens.
                  preload="none"
                  src={`/api/v1/files/${attachment.fileId}`}
                  aria-label={t("listenRecording", { name: post.author.name })}
                  className="mt-3 w-full"
                />
              ) : null,
            )}
          </>
        )}
      </div>

      {!editing && !post.isDeleted ? (
        <footer className="mt-3 flex flex-wrap items-center gap-2">
          <ReactionBar
            postId={post.id}
            reactions={post.reactions}
            canReact={post.canReact}
            onChange={(reactions: ReactionView[]) => onChange({ ...post, reactions })}
          />
          <span className="flex flex-wrap gap-1">
            {canReply ? (
              <Button size="sm" variant="ghost" onClick={() => onReply(post)}>
                {t("reply")}
              </Button>
            ) : null}
            {post.canEdit ? (
              <Button size="sm" variant="ghost" onClick={() => void startEditing()}>
                {t("edit")}
              </Button>
            ) : null}
            {post.canDelete && !isOpening ? (
              <Button size="sm" variant="ghost" onClick={() => setIsConfirmingDelete(true)}>
                {t("delete")}
              </Button>
            ) : null}
            <PostTools post={post} isOpening={isOpening} onChange={onChange} />
          </span>
        </footer>
      ) : null}
      {actionError ? (
        <p role="alert" className="mt-2 text-sm text-danger">
          {translateKey(tRoot, actionError)}
        </p>
      ) : null}

      <Dialog open={isConfirmingDelete} onClose={() => setIsConfirmingDelete(false)} title={t("confirmDeleteTitle")}>
        <p className="text-muted">{t("confirmDeleteText")}</p>
        <div className="mt-4 flex justify-end gap-2">
          <Button variant="secondary" onClick={() => setIsConfirmingDelete(false)}>
            {t("cancel")}
          </Button>
          <Button variant="danger" onClick={() => void remove()}>
            {t("confirmDelete")}
          </Button>
        </div>
      </Dialog>

      {children ? <div className="mt-4 flex flex-col gap-4 sm:ml-6">{children}</div> : null}
    </article>
  );
}
