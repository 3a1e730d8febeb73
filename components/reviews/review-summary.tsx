import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import type { ReviewRequestView } from "@/lib/reviews/types";
import type { PageMarker } from "./pdf-page";
import { LazyVersionViewer as VersionViewer } from "./lazy";

type Props = {
  review: ReviewRequestView;
  feedbackPerVersion: Map<number, number>;
  commentsPerVersion: Map<number, PageMarker[]>;
  threadHref: string;
  canComment: boolean;
  children?: ReactNode;
};

/** The reviewed document at the top of a review thread: what it targets, its versions, its pages. */
export async function ReviewSummary({
  review,
  feedbackPerVersion,
  commentsPerVersion,
  threadHref,
  canComment,
  children,
}: Props) {
  const t = await getTranslations("review");
  const current = review.versions.at(-1) ?? null;
  return (
    <section
      aria-labelledby="review-section-title"
      className="flex flex-col gap-3 rounded-2xl border border-line bg-white p-4"
    >
      <div className="flex flex-wrap items-center gap-2">
        <h2 id="review-section-title" className="text-lg font-bold">
          {t("sectionTitle")}
        </h2>
        <Badge tone="teal">{review.docKind === "letter" ? t("docKindLetter") : t("docKindCv")}</Badge>
        {current ? <Badge>{t("versionLabel", { number: current.number })}</Badge> : null}
        {review.resolvedAt ? <Badge tone="success">{t("resolved")}</Badge> : null}
      </div>
      <dl className="grid gap-2 text-sm sm:grid-cols-[auto_1fr] sm:gap-x-4">
        <dt className="font-semibold">{t("target")}</dt>
        <dd className="break-words">{review.target}</dd>
        <dt className="font-semibold">{t("feedbackWanted")}</dt>
        <dd className="whitespace-pre-line break-words">{review.feedbackWanted}</dd>
      </dl>
      <VersionViewer
        threadId={review.threadId}
        threadHref={threadHref}
        canComment={canComment}
        versions={review.versions.map((version) => ({
          number: version.number,
          createdAt: version.createdAt.toISOString(),
          letterText: version.letterText,
          feedbackCount: feedbackPerVersion.get(version.id) ?? 0,
          comments: commentsPerVersion.get(version.id) ?? [],
          file: version.file
            ? {
                id: version.file.id,
                byteSize: version.file.byteSize,
                pageCount: version.file.pageCount,
                originalName: version.file.originalName,
              }
            : null,
        }))}
      />
      {children}
    </section>
  );
}
