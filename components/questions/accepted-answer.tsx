"use client";

import { useTranslations } from "next-intl";
import { PostCard } from "@/components/forum/post-card";
import { useThreadExtras } from "./thread-extras";

/** The accepted answer, right under the question. */
export function AcceptedAnswerSlot() {
  const extras = useThreadExtras();
  const t = useTranslations("qa");
  const accepted = extras?.acceptedAnswer;
  if (!extras?.isQuestion || !accepted) return null;
  return (
    <section
      aria-labelledby="accepted-answer-heading"
      className="flex flex-col gap-2 rounded-2xl border-2 border-success/40 bg-success-soft p-2 sm:p-3"
    >
      <h2 id="accepted-answer-heading" className="flex items-center gap-2 px-2 text-base font-bold text-success">
        <span aria-hidden="true">✓</span>
        {t("acceptedAnswer")}
      </h2>
      <PostCard
        post={accepted}
        anchorPrefix="accepted-p"
        canReply={false}
        onReply={() => {}}
        onChange={(post) => extras.setAcceptedAnswer(post)}
      />
      <a
        href={`?post=${accepted.number}#p${accepted.number}`}
        className="self-start px-2 text-sm font-semibold text-teal underline"
      >
        {t("jumpToAccepted")}
      </a>
    </section>
  );
}
