import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ProCard } from "@/components/pros/pro-card";
import { Button, ButtonLink } from "@/components/ui/button";
import { Pagination } from "@/components/ui/pagination";
import { getCurrentUser } from "@/lib/auth/session";
import { canBrowsePros, canRequestPro } from "@/lib/permissions";
import { browsePros } from "@/lib/pros/service";
import { contactOptions } from "@/lib/messages/service";
import { canUseMessages } from "@/lib/permissions/conversations";
import { directoryFilterSchema } from "@/lib/validation/pros";
import { contextFor } from "@/lib/context";

type Props = { searchParams: Promise<Record<string, string | undefined>> };

/** Questions to pros start in this channel (the one that welcomes questions). */
const ASK_CHANNEL = "entraide";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pros"))("directoryTitle"), robots: { index: false } };
}

export default async function ProDirectoryPage({ searchParams }: Props) {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in?callbackUrl=/pros");
  if (!canBrowsePros(user)) notFound();
  const filters = directoryFilterSchema.parse(await searchParams);
  const [{ items, nextCursor, fields }, t] = await Promise.all([
    browsePros(contextFor(user), { expertise: filters.expertise, cursor: filters.after }),
    getTranslations("pros"),
  ]);
  // One query for the whole page: who may be written to, and their availability notes.
  const contacts = canUseMessages(user)
    ? new Map((await contactOptions(contextFor(user), { userIds: items.map((pro) => pro.id) })).map((c) => [c.id, c]))
    : new Map();
  const query = (after?: string) =>
    `/pros?${new URLSearchParams({ ...(filters.expertise ? { expertise: filters.expertise } : {}), ...(after ? { after } : {}) })}`;
  return (
    <div className="flex flex-col gap-5">
      <header className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
        <div>
          <h1 className="text-2xl font-extrabold sm:text-3xl">{t("directoryTitle")}</h1>
          <p className="mt-1 max-w-2xl text-muted">{t("directoryIntro")}</p>
        </div>
        {canRequestPro(user) ? (
          <ButtonLink href="/pros/request" variant="secondary" className="self-start">
            {t("becomePro")}
          </ButtonLink>
        ) : null}
      </header>
      <form method="get" action="/pros" className="flex flex-wrap items-end gap-2">
        <div className="flex min-w-56 flex-col gap-1.5">
          <label htmlFor="expertise" className="text-sm font-semibold">
            {t("filterLabel")}
          </label>
          <select
            id="expertise"
            name="expertise"
            defaultValue={filters.expertise ?? ""}
            className="min-h-11 rounded-lg border border-line bg-white px-3"
          >
            <option value="">{t("allFields")}</option>
            {fields.map(({ field, count }) => (
              <option key={field} value={field}>
                {t("fieldOption", { field, count })}
              </option>
            ))}
          </select>
        </div>
        <Button type="submit" variant="secondary">
          {t("filter")}
        </Button>
        {filters.expertise ? (
          <Link href="/pros" className="min-h-11 content-center px-2 text-sm font-semibold text-teal underline">
            {t("clearFilter")}
          </Link>
        ) : null}
      </form>
      {items.length > 0 ? (
        <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {items.map((pro) => (
            <li key={pro.id}>
              <ProCard
                pro={pro}
                askChannel={pro.id === user.id ? null : ASK_CHANNEL}
                contact={contacts.get(pro.id) ?? null}
              />
            </li>
          ))}
        </ul>
      ) : (
        <p className="rounded-2xl border border-dashed border-line bg-white p-8 text-center text-muted">{t("empty")}</p>
      )}
      <Pagination
        label={t("pagination")}
        first={filters.after ? { href: query(), label: t("firstPage") } : null}
        next={nextCursor ? { href: query(nextCursor), label: t("nextPage") } : null}
      />
    </div>
  );
}
