import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { MembersOnly } from "@/components/forum/members-only";
import { ReorderHelpPages } from "@/components/help/reorder-help-pages";
import { ButtonLink } from "@/components/ui/button";
import { getCurrentUser } from "@/lib/auth/session";
import { contextFor } from "@/lib/context";
import { listHelpPages, type HelpPageSummary } from "@/lib/help/service";
import { canReadHelp } from "@/lib/permissions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("help"))("title"), robots: { index: false } };
}

function PageList({ pages, label }: { pages: HelpPageSummary[]; label: string }) {
  return (
    <ul aria-label={label} className="divide-y divide-line overflow-hidden rounded-2xl border border-line bg-white">
      {pages.map((page) => (
        <li key={page.id}>
          <Link
            href={`/aide/${page.slug}`}
            className="flex min-h-12 items-center px-4 py-2 font-semibold text-ink no-underline hover:bg-sand"
          >
            {page.title}
          </Link>
        </li>
      ))}
    </ul>
  );
}

/**
 * The in-app help: members' pages, then the facilitators' for staff only. Members-only, like the
 * rest of the community: a visitor is invited to join or sign in (a suspended one is told why).
 */
export default async function HelpIndexPage() {
  const user = await getCurrentUser();
  if (!canReadHelp(user)) return <MembersOnly callbackUrl="/aide" />;
  const [index, t] = await Promise.all([listHelpPages(contextFor(user)), getTranslations("help")]);
  const list = (pages: HelpPageSummary[], label: string) =>
    index.canEdit && pages.length > 1 ? (
      <ReorderHelpPages
        // A new order from the server (after a refresh) starts the list again from it.
        key={pages.map((page) => page.id).join()}
        audience={pages[0]!.audience}
        pages={pages.map(({ id, slug, title }) => ({ id, slug, title }))}
        label={label}
      />
    ) : (
      <PageList pages={pages} label={label} />
    );
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-6">
      <header className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-extrabold sm:text-3xl">{t("title")}</h1>
          <p className="mt-1 text-muted">{t("intro")}</p>
        </div>
        {index.canEdit ? <ButtonLink href="/aide/nouvelle">{t("newPage")}</ButtonLink> : null}
      </header>
      <section aria-labelledby="help-members" className="flex flex-col gap-2">
        <h2 id="help-members" className="text-lg font-bold">
          {t("memberSection")}
        </h2>
        {index.member.length ? (
          list(index.member, t("memberSection"))
        ) : (
          <p className="rounded-2xl border border-dashed border-line bg-white p-6 text-center text-muted">
            {t("empty")}
          </p>
        )}
      </section>
      {index.facilitator ? (
        <section aria-labelledby="help-staff" className="flex flex-col gap-2">
          <h2 id="help-staff" className="text-lg font-bold">
            {t("staffSection")}
          </h2>
          <p className="text-sm text-muted">{t("staffIntro")}</p>
          {index.facilitator.length ? (
            list(index.facilitator, t("staffSection"))
          ) : (
            <p className="rounded-2xl border border-dashed border-line bg-white p-6 text-center text-muted">
              {t("empty")}
            </p>
          )}
        </section>
      ) : null}
    </div>
  );
}
