"use client";

import type { JSONContent } from "@tiptap/react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { createThreadAction } from "@/lib/actions/forum";
import { SimilarThreads } from "@/components/search/similar-threads";
import Composer from "./composer";

type NewThreadFormProps = {
  channelId: number;
  channelSlug: string;
  draft: { title: string; body: JSONContent | null; savedAt: string } | null;
  /** The member writing: the draft is also kept in this browser until the server has it. */
  ownerId: string;
  /** The channel takes questions: show the "C'est une question" checkbox. */
  allowsQuestions?: boolean;
  /** "Poser une question à …": the body starts with a mention of that member, as a question. */
  ask?: { id: string; name: string } | null;
};

export function NewThreadForm({
  channelId,
  channelSlug,
  draft,
  ownerId,
  allowsQuestions = false,
  ask = null,
}: NewThreadFormProps) {
  const t = useTranslations("forum");
  const tQa = useTranslations("qa");
  const router = useRouter();
  const [isQuestion, setIsQuestion] = useState(Boolean(ask));
  const mentionBody: JSONContent | null = ask
    ? {
        type: "doc",
        content: [
          {
            type: "paragraph",
            content: [
              { type: "mention", attrs: { id: ask.id, label: ask.name } },
              { type: "text", text: " " },
            ],
          },
        ],
      }
    : null;
  return (
    <Composer
      context={
        allowsQuestions ? (
          <label className="flex items-start gap-3 rounded-xl bg-teal-soft px-4 py-3 text-sm">
            <input
              type="checkbox"
              name="isQuestion"
              checked={isQuestion}
              onChange={(event) => setIsQuestion(event.target.checked)}
              className="mt-0.5 size-5 accent-teal"
            />
            <span>
              <span className="font-semibold">{tQa("questionCheckbox")}</span>
              <span className="block text-muted">{tQa("questionCheckboxHint")}</span>
            </span>
          </label>
        ) : null
      }
      mode="thread"
      editorId="thread-body"
      label={t("threadBody")}
      submitLabel={t("publish")}
      draftTarget={`thread:${channelId}`}
      draftOwnerId={ownerId}
      draftSavedAt={draft?.savedAt}
      initialTitle={draft?.title}
      belowTitle={(title) => <SimilarThreads title={title} channelSlug={channelSlug} />}
      initialBody={draft?.body ?? mentionBody}
      isRestoredDraft={Boolean(draft)}
      onCancel={() => router.push(`/c/${channelSlug}`)}
      onSubmit={async ({ body, title, idempotencyKey }) => {
        const result = await createThreadAction({
          channelSlug,
          title: title ?? "",
          body,
          idempotencyKey,
          isQuestion: allowsQuestions && isQuestion,
        });
        if (!result.ok) return result;
        router.push(result.data.path);
        return { ok: true };
      }}
    />
  );
}
