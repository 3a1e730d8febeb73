import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { channelName } from "@/lib/forum/channel-name";
import { buttonClasses } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { offerContracts, workModes } from "@/lib/domain/offers";
import { searchSorts, searchTypes } from "@/lib/domain/search";
import type { SearchInput } from "@/lib/validation/search";

/**
 * The search form: a plain GET form, so results can be shared and filtering works without
 * JavaScript. Offer filters only narrow offers; the author filter arrives from a result's link.
 */
export function SearchFilters({
  input,
  channels,
  authorName,
}: {
  input: SearchInput;
  channels: { slug: string; name: string }[];
  authorName: string | null;
}) {
  const locale = useLocale();
  const t = useTranslations("search.page");
  const tOffers = useTranslations("offers");
  return (
    <form
      method="get"
      action="/recherche"
      role="search"
      aria-labelledby="search-form-heading"
      className="flex flex-col gap-4"
    >
      <h2 id="search-form-heading" className="sr-only">
        {t("filters")}
      </h2>
      <div className="flex flex-col gap-2 sm:flex-row sm:items-end">
        <div className="flex-1">
          <TextField id="q" name="q" type="search" label={t("query")} defaultValue={input.q} maxLength={200} />
        </div>
        <button type="submit" className={buttonClasses("primary", "md")}>
          {t("apply")}
        </button>
      </div>
      <details className="rounded-2xl border border-line bg-white p-4" open={hasFilters(input)}>
        <summary className="min-h-11 cursor-pointer content-center font-semibold">{t("filters")}</summary>
        <div className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          <SelectField
            id="type"
            label={t("type")}
            options={searchTypes.map((value) => ({ value, label: t(`types.${value}`) }))}
            defaultValue={input.type}
          />
          <SelectField
            id="sort"
            label={t("sort")}
            options={searchSorts.map((value) => ({ value, label: t(`sorts.${value}`) }))}
            defaultValue={input.sort}
          />
          <SelectField
            id="channel"
            label={t("channel")}
            placeholder={t("anyChannel")}
            options={channels.map((channel) => ({ value: channel.slug, label: channelName(channel, locale) }))}
            defaultValue={input.channel ?? ""}
          />
          <TextField id="from" name="from" type="date" label={t("from")} defaultValue={input.from ?? ""} />
          <TextField id="to" name="to" type="date" label={t("to")} defaultValue={input.to ?? ""} />
          <SelectField
            id="contract"
            label={t("contract")}
            placeholder={t("any")}
            options={offerContracts.map((value) => ({ value, label: tOffers(`contract.${value}`) }))}
            defaultValue={input.contract ?? ""}
          />
          <SelectField
            id="workMode"
            label={t("workMode")}
            placeholder={t("any")}
            options={workModes.map((value) => ({ value, label: tOffers(`workMode.${value}`) }))}
            defaultValue={input.workMode ?? ""}
          />
          <TextField
            id="department"
            name="department"
            label={t("department")}
            defaultValue={input.department ?? ""}
            maxLength={3}
            inputMode="text"
          />
        </div>
        <div className="mt-3 flex flex-wrap items-center gap-x-5 gap-y-3">
          <label className="inline-flex min-h-11 items-center gap-2 text-sm font-semibold">
            <input
              type="checkbox"
              name="solved"
              value="1"
              defaultChecked={input.solved}
              className="size-5 accent-teal"
            />
            {t("solvedOnly")}
          </label>
          {input.author && authorName ? (
            <label className="inline-flex min-h-11 items-center gap-2 text-sm font-semibold">
              <input type="checkbox" name="author" value={input.author} defaultChecked className="size-5 accent-teal" />
              {t("authorOnly", { name: authorName })}
            </label>
          ) : null}
          <button type="submit" className={buttonClasses("secondary", "sm")}>
            {t("apply")}
          </button>
          {hasFilters(input) ? (
            <Link
              href={`/recherche?q=${encodeURIComponent(input.q)}`}
              className="text-sm font-semibold text-teal underline"
            >
              {t("reset")}
            </Link>
          ) : null}
        </div>
      </details>
    </form>
  );
}

function hasFilters(input: SearchInput): boolean {
  return Boolean(
    input.type !== "all" ||
    input.sort !== "relevance" ||
    input.channel ||
    input.author ||
    input.from ||
    input.to ||
    input.solved ||
    input.contract ||
    input.workMode ||
    input.department,
  );
}
