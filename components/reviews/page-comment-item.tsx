"use client";

import { useTranslations } from "next-intl";
import type { PageMarker } from "./pdf-page";

/** One comment on a page of the document, with its way to the discussion and to its zone. */
export function PageCommentItem({
  comment,
  threadHref,
}: {
  comment: PageMarker & { index: number };
  threadHref: string;
}) {
  const t = useTranslations("review");
  return (
    <li className="rounded-md border border-line bg-white p-2">
      <p className="font-semibold">
        {t("pageCommentItem", { index: comment.index, page: comment.page, name: comment.authorName })}
      </p>
      <p className="line-clamp-3 break-words">{comment.text}</p>
      <p className="flex flex-wrap gap-x-3">
        <a
          href={`${threadHref}?post=${comment.postNumber}`}
          className="inline-flex min-h-11 items-center text-teal underline"
        >
          {t("seeInDiscussion")}
        </a>
        <a href={`#page-comment-${comment.id}`} className="inline-flex min-h-11 items-center text-teal underline">
          {t("seeOnPage", { page: comment.page })}
        </a>
      </p>
    </li>
  );
}
