"use client";

import { useTranslations } from "next-intl";
import { formatSize } from "@/components/reviews/upload-xhr";
import type { MessageAttachment } from "@/lib/messages/views";

/** The files a message carries: a recording plays inline, a PDF downloads (participants only: the route checks). */
export function MessageAttachments({ attachments }: { attachments: MessageAttachment[] }) {
  const t = useTranslations("messages.files");
  const tr = useTranslations("review");
  if (attachments.length === 0) return null;
  return (
    <ul className="flex flex-col gap-2" aria-label={t("listLabel")}>
      {attachments.map((file) => {
        const url = `/api/v1/message-files/${file.fileId}`;
        return (
          <li key={file.fileId} className="rounded-lg border border-line bg-white p-2 text-sm">
            {file.contentType.startsWith("audio/") ? (
              <figure className="flex flex-col gap-1">
                <figcaption className="font-semibold">{t("recording")}</figcaption>
                <audio controls preload="none" src={url} className="w-full max-w-xs" />
              </figure>
            ) : null}
            <a href={url} className="touch-target font-semibold text-teal underline" download>
              {t("download", { name: file.name, size: formatSize(file.byteSize, tr) })}
            </a>
          </li>
        );
      })}
    </ul>
  );
}
