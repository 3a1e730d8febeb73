import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { channelName } from "@/lib/forum/channel-name";
import { AuthorName } from "@/components/forum/author-name";
import { RelativeTime } from "@/components/forum/relative-time";
import { threadPath } from "@/lib/slug";

export type QuestionItem = {
  id: number;
  slug: string;
  title: string;
  excerpt: string;
  replyCount: number;
  createdAt: Date;
  channel: { slug: string; name: string };
  author: { id: string; name: string; role: string; organisation: string | null };
};

/** Questions waiting for an accepted answer, oldest first. */
export function QuestionList({ items, headingLevel = 2 }: { items: QuestionItem[]; headingLevel?: 2 | 3 }) {
  const locale = useLocale();
  const t = useTranslations("qa");
  const tForum = useTranslations("forum");
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <ul className="flex flex-col divide-y divide-line overflow-hidden rounded-2xl border border-line bg-white">
      {items.map((item) => (
        <li key={item.id} className="flex flex-col gap-1 p-4">
          <Heading className="text-base font-bold leading-snug sm:text-lg">
            <Link href={threadPath(item.channel.slug, item)} className="text-ink hover:text-brand hover:underline">
              {item.title}
            </Link>
          </Heading>
          {item.excerpt ? <p className="line-clamp-2 text-muted">{item.excerpt}</p> : null}
          <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-muted">
            <AuthorName author={item.author} />
            <span aria-hidden="true">·</span>
            <span>
              {t("askedIn", { channel: channelName(item.channel, locale) })} <RelativeTime date={item.createdAt} />
            </span>
            <span aria-hidden="true">·</span>
            <span>{tForum("replyCount", { count: item.replyCount })}</span>
          </p>
        </li>
      ))}
    </ul>
  );
}

/** The small "À répondre" section of a pro's home page. */
export function QuestionsToAnswerSection({ items, hasMore }: { items: QuestionItem[]; hasMore: boolean }) {
  const t = useTranslations("qa");
  return (
    <section aria-labelledby="to-answer-heading" className="flex flex-col gap-3">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="to-answer-heading" className="text-xl font-bold">
          {t("homeSection")}
        </h2>
        <Link href="/questions" className="text-sm font-semibold text-teal underline">
          {hasMore ? t("homeSeeAll") : t("homeOpenList")}
        </Link>
      </div>
      {items.length > 0 ? (
        <QuestionList items={items} headingLevel={3} />
      ) : (
        <p className="rounded-2xl border border-dashed border-line bg-white p-4 text-muted">{t("none")}</p>
      )}
    </section>
  );
}
