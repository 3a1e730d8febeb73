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
 * bookmarked, and filtering works without JavaScript.
 */
export function OfferFiltersForm({
  action,
  filters,
  hasFilters,
}: {
  action: string;
  filters: OfferFilters;
  hasFilters: boolean;
}) {
  const t = useTranslations("offers");
  const option = (prefix: string) => (value: string) => ({ value, label: translateKey(t, `${prefix}.${value}`) });
  return (
    <form
      method="get"
      action={action}
      role="search"
      aria-labelledby="offer-filters-heading"
      className="rounded-2xl border border-line bg-white p-4 sm:p-5"
    >
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
        {hasFilters ? (
          <Link href={action} className="text-sm font-semibold text-teal underline">
            {t("list.reset")}
          </Link>
        ) : null}
      </div>
    </form>
  );
}
