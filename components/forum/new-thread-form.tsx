"use client";

import type { JSONContent } from "@tiptap/react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { createThreadAction } from "@/app/(forum)/actions";
import Composer from "./composer";

type NewThreadFormProps = { channelId: number; channelSlug: string; draft: { title: string; body: JSONContent | null } | null };

export function NewThreadForm({ channelId, channelSlug, draft }: NewThreadFormProps) {
  const t = useTranslations("forum");
  const router = useRouter();
  return (
    <Composer
      mode="thread"
      editorId="thread-body"
      label={t("threadBody")}
      submitLabel={t("publish")}
      draftTarget={`thread:${channelId}`}
      initialTitle={draft?.title}
      initialBody={draft?.body}
      isRestoredDraft={Boolean(draft)}
      onCancel={() => router.push(`/c/${channelSlug}`)}
      onSubmit={async ({ body, title, idempotencyKey }) => {
        const result = await createThreadAction({ channelSlug, title: title ?? "", body, idempotencyKey });
        if (!result.ok) return result;
        router.push(result.data.path);
        return { ok: true };
      }}
    />
  );
}
