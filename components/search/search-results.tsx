import Link from "next/link";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { channelName } from "@/lib/forum/channel-name";
import { Badge } from "@/components/ui/badge";
import type { MemberHit, PostHit, TitleHit } from "@/lib/search/service";
import { memberHref, postHref, titleHitView } from "@/lib/search/views";
import { Highlighted } from "./highlighted";

/** One result: a thread, an offer, or a reply shown in its thread with the matching passage. */
function PostResult({ hit, authorFilterHref }: { hit: PostHit; authorFilterHref: string }) {
  const locale = useLocale();
  const t = useTranslations("search");
  const format = useFormatter();
  const kind = hit.number > 1 ? "reply" : hit.threadKind === "offer" ? "offer" : "thread";
  return (
    <li className="rounded-2xl border border-line bg-white p-4">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <Badge tone={kind === "offer" ? "brand" : kind === "reply" ? "neutral" : "teal"}>{t(`kind.${kind}`)}</Badge>
        {hit.isSolved ? <Badge tone="success">{t("solved")}</Badge> : null}
        <span className="text-muted">{t("replies", { count: hit.replyCount })}</span>
      </div>
      <h3 className="mt-2 text-lg font-bold break-words">
        <Link href={postHref(hit)} className="text-ink underline-offset-2 hover:underline">
          {hit.number > 1 ? t("page.replyIn", { title: hit.title }) : hit.title}
        </Link>
      </h3>
      {hit.snippet ? (
        <p className="mt-1 break-words text-ink/90">
          <Highlighted snippet={hit.snippet} />
        </p>
      ) : null}
      <p className="mt-2 text-sm text-muted">
        <Link
          href={authorFilterHref}
          className="text-teal underline"
          title={t("page.authorOnly", { name: hit.authorName })}
        >
          {hit.authorName}
        </Link>
        {" · "}
        <time dateTime={hit.createdAt.toISOString()}>{format.dateTime(hit.createdAt, { dateStyle: "medium" })}</time>
        {" · "}
        {channelName({ name: hit.channelName, nameEn: hit.channelNameEn }, locale)}
      </p>
    </li>
  );
}

export function SearchResults({
  items,
  members,
  closeTitles,
  authorFilterHref,
}: {
  items: PostHit[];
  members: MemberHit[];
  closeTitles: TitleHit[];
  authorFilterHref: (authorId: string) => string;
}) {
  const t = useTranslations("search");
  return (
    <div className="flex flex-col gap-6">
      {members.length ? (
        <section aria-labelledby="search-members">
          <h2 id="search-members" className="mb-2 text-lg font-bold">
            {t("page.members")}
          </h2>
          <ul className="grid gap-2 sm:grid-cols-2">
            {members.map((member) => (
              <li key={member.id} className="rounded-xl border border-line bg-white p-3">
                <Link href={memberHref(member)} className="font-semibold text-ink underline">
                  {member.name}
                </Link>
                {member.headline || member.organisation ? (
                  <p className="text-sm text-muted">{member.headline ?? member.organisation}</p>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {closeTitles.length ? (
        <section aria-labelledby="search-close">
          <h2 id="search-close" className="mb-2 text-lg font-bold">
            {t("page.closeTitles")}
          </h2>
          <ul className="flex flex-col gap-2">
            {closeTitles.map((hit) => {
              const view = titleHitView(hit);
              return (
                <li key={view.id}>
                  <Link href={view.href} className="font-semibold text-teal underline">
                    {view.title}
                  </Link>
                  <span className="text-sm text-muted">
                    {" · "}
                    {view.isSolved ? `${t("solved")} · ` : ""}
                    {t("replies", { count: view.replyCount })}
                  </span>
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}
      {items.length ? (
        <section aria-labelledby="search-results">
          <h2 id="search-results" className="mb-2 text-lg font-bold">
            {t("page.results")}
          </h2>
          <ol className="flex flex-col gap-3">
            {items.map((hit) => (
              <PostResult key={hit.postId} hit={hit} authorFilterHref={authorFilterHref(hit.authorId)} />
            ))}
          </ol>
        </section>
      ) : null}
    </div>
  );
}
