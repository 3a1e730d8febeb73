"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { TitleHitView } from "@/lib/search/views";
import { useDebouncedFetch } from "./use-search-fetch";

/**
 * "Ces fils ressemblent à votre question": while a member types a new thread's title, up to five
 * threads of the channel with a similar title, so they can read the answer instead of asking
 * again. A polite live region announces how many appeared.
 */
export function SimilarThreads({ title, channelSlug }: { title: string; channelSlug: string }) {
  const t = useTranslations("search");
  const typed = title.trim();
  const similar = useDebouncedFetch<TitleHitView>(
    typed.length >= 8
      ? `/api/search/similar?title=${encodeURIComponent(typed)}&channel=${encodeURIComponent(channelSlug)}`
      : null,
    350,
  );
  const items = similar.items;
  return (
    <div>
      <p className="sr-only" aria-live="polite">
        {similar.status === "done" && items.length ? t("similar.count", { count: items.length }) : ""}
      </p>
      {items.length ? (
        <section aria-labelledby="similar-threads-title" className="rounded-xl border border-line bg-teal-soft/40 p-3">
          <h2 id="similar-threads-title" className="text-sm font-bold">
            {t("similar.title")}
          </h2>
          <p className="text-sm text-muted">{t("similar.help")}</p>
          <ul className="mt-2 flex flex-col gap-1.5">
            {items.map((thread) => (
              <li key={thread.id} className="flex flex-wrap items-center gap-2 text-sm">
                <Link href={thread.href} target="_blank" className="font-semibold text-teal underline break-words">
                  {thread.title}
                </Link>
                {thread.isSolved ? <Badge tone="success">{t("solved")}</Badge> : null}
                <span className="text-muted">{t("replies", { count: thread.replyCount })}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
