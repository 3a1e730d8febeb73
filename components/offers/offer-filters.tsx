import Link from "next/link";
import { useTranslations } from "next-intl";
import { buttonClasses } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { essFamilies, offerContracts, workModes } from "@/lib/offers/constants";
import { departements } from "@/lib/offers/departements";
import type { OfferFilters } from "@/lib/validation/offers";
import { translateKey } from "@/lib/i18n/translate-key";

/**
 * A plain GET form: the filters live in the address, so a filtered view can be shared or
 * bookmarked, and filtering works without JavaScript. On a phone it folds behind a "Filtres (2)"
 * button so the offers start on the first screen; from 640 px it is always open (globals.css).
 */
export function OfferFiltersForm({
  action,
  filters,
  activeCount,
}: {
  action: string;
  filters: OfferFilters;
  /** How many filters are on: shown on the folded button, and whether "Effacer" is offered. */
  activeCount: number;
}) {
  const t = useTranslations("offers");
  const option = (prefix: string) => (value: string) => ({ value, label: translateKey(t, `${prefix}.${value}`) });
  return (
    <form
      method="get"
      action={action}
      role="search"
      aria-labelledby="offer-filters-heading"
      className="rounded-2xl border border-line bg-white p-2 sm:p-5"
    >
      <details className="fold-on-phone group">
        <summary className="flex min-h-11 cursor-pointer list-none items-center justify-between gap-2 rounded-lg px-2 font-semibold [&::-webkit-details-marker]:hidden">
          {activeCount > 0 ? t("list.filtersCount", { count: activeCount }) : t("list.filters")}
          <svg
            aria-hidden="true"
            viewBox="0 0 24 24"
            className="size-5 transition-transform group-open:rotate-180"
            fill="none"
            stroke="currentColor"
            strokeWidth="2"
          >
            <path d="m6 9 6 6 6-6" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
        </summary>
        <div className="px-2 pb-2 pt-3 sm:p-0">
          <h2 id="offer-filters-heading" className="mb-3 text-base font-bold">
            {t("list.filtersHeading")}
          </h2>
          <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
            <SelectField
              id="contract"
              label={t("fields.contract")}
              placeholder={t("list.allContracts")}
              options={offerContracts.map(option("contract"))}
              defaultValue={filters.contract ?? ""}
            />
            <SelectField
              id="workMode"
              label={t("fields.workMode")}
              placeholder={t("list.allModes")}
              options={workModes.map(option("workMode"))}
              defaultValue={filters.workMode ?? ""}
            />
            <SelectField
              id="department"
              label={t("fields.department")}
              placeholder={t("list.allDepartments")}
              options={departements.map(([code, name]) => ({ value: code, label: `${code} · ${name}` }))}
              defaultValue={filters.department ?? ""}
            />
            <SelectField
              id="family"
              label={t("fields.essFamily")}
              placeholder={t("list.allFamilies")}
              options={essFamilies.map(option("family"))}
              defaultValue={filters.family ?? ""}
            />
          </div>
          <div className="mt-4 flex flex-wrap items-center gap-x-5 gap-y-3">
            <label className="inline-flex min-h-11 items-center gap-2 text-sm font-semibold">
              <input
                type="checkbox"
                name="open"
                value="1"
                defaultChecked={filters.open === true}
                className="size-5 accent-teal"
              />
              {t("list.openOnly")}
            </label>
            <button type="submit" className={buttonClasses("primary", "sm")}>
              {t("list.apply")}
            </button>
            {activeCount > 0 ? (
              <Link
                href={action}
                className="inline-flex min-h-11 items-center text-sm font-semibold text-teal underline"
              >
                {t("list.reset")}
              </Link>
            ) : null}
          </div>
        </div>
      </details>
    </form>
  );
}
