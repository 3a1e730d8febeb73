import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SearchFilters } from "@/components/search/search-filters";
import { SearchResults } from "@/components/search/search-results";
import { Pagination } from "@/components/ui/pagination";
import { getCurrentUser } from "@/lib/auth/session";
import { contextFor } from "@/lib/context";
import { search } from "@/lib/search/service";
import { searchInputSchema, type SearchInput } from "@/lib/validation/search";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function firstValues(params: Record<string, string | string[] | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(params).flatMap(([key, value]) => {
      const first = Array.isArray(value) ? value[0] : value;
      return first === undefined ? [] : [[key, first]];
    }),
  );
}

/** The page's address for these inputs (empty values left out), with some of them replaced. */
function searchHref(input: SearchInput, changes: Partial<Record<keyof SearchInput, string | null>>): string {
  const params = new URLSearchParams();
  const merged = { ...input, ...changes } as Record<string, unknown>;
  for (const [key, value] of Object.entries(merged)) {
    if (value === undefined || value === null || value === "" || value === false) continue;
    if ((key === "type" && value === "all") || (key === "sort" && value === "relevance")) continue;
    params.set(key, value === true ? "1" : String(value));
  }
  return `/recherche?${params.toString()}`;
}

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const t = await getTranslations("search.page");
  const input = searchInputSchema.parse(firstValues(await searchParams));
  const q = input.q.trim().slice(0, 80);
  // Result pages are per viewer and endless: not for search engines.
  return { title: q ? t("titleFor", { q }) : t("title"), robots: { index: false } };
}

export default async function SearchPage({ searchParams }: Props) {
  const input = searchInputSchema.parse(firstValues(await searchParams));
  const [user, t] = await Promise.all([getCurrentUser(), getTranslations("search.page")]);
  const results = await search(contextFor(user), input);
  const authorName = input.author
    ? (results.items.find((hit) => hit.authorId === input.author)?.authorName ?? null)
    : null;
  const hasResults = results.items.length + results.members.length + results.closeTitles.length > 0;
  return (
    <div className="flex flex-col gap-5">
      <h1 className="text-2xl font-extrabold sm:text-3xl">{t("title")}</h1>
      <SearchFilters input={input} channels={results.channels} authorName={authorName} />
      <div aria-live="polite">
        {results.isEmptyQuery ? (
          <section className="rounded-2xl border border-line bg-white p-5">
            <h2 className="text-lg font-bold">{t("emptyTitle")}</h2>
            <p className="mt-1 text-muted">{t("emptyHelp")}</p>
          </section>
        ) : hasResults ? (
          <SearchResults
            items={results.items}
            members={results.members}
            closeTitles={results.closeTitles}
            authorFilterHref={(authorId) => searchHref(input, { author: authorId, cursor: null })}
          />
        ) : (
          <section className="rounded-2xl border border-line bg-white p-5">
            <h2 className="text-lg font-bold">{t("noResults", { q: results.query })}</h2>
            <p className="mt-1 text-muted">{t("noResultsHelp")}</p>
          </section>
        )}
      </div>
      <Pagination
        label={t("results")}
        first={input.cursor ? { href: searchHref(input, { cursor: null }), label: t("restart") } : null}
        next={results.nextCursor ? { href: searchHref(input, { cursor: results.nextCursor }), label: t("next") } : null}
      />
    </div>
  );
}
