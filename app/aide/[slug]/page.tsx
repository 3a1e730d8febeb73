import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getFormatter, getTranslations } from "next-intl/server";
import { MembersOnly } from "@/components/forum/members-only";
import { DeleteHelpPageButton } from "@/components/help/delete-help-page-button";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { getCurrentUser } from "@/lib/auth/session";
import { contextFor } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { readHelpPage, type HelpPageView } from "@/lib/help/service";

type Props = { params: Promise<{ slug: string }> };

/**
 * The page for this reader; null when a visitor must sign in first. A missing page, or one they
 * may not read, is a 404. Once per request (the metadata and the page both ask).
 */
const loadPage = cache(async (slug: string): Promise<HelpPageView | null> => {
  const user = await getCurrentUser();
  try {
    return await readHelpPage(contextFor(user), slug);
  } catch (error) {
    if (error instanceof AppError && error.code === "unauthenticated") return null;
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const page = await loadPage((await params).slug);
  const t = await getTranslations("help");
  return { title: page ? `${page.title} · ${t("title")}` : t("title"), robots: { index: false } };
}

/** One help page, rendered on the server from the HTML stored at write time: no editor code for readers. */
export default async function HelpPage({ params }: Props) {
  const { slug } = await params;
  const page = await loadPage(slug);
  if (!page) return <MembersOnly callbackUrl={`/aide/${slug}`} />;
  const [t, format] = await Promise.all([getTranslations("help"), getFormatter()]);
  return (
    <article className="mx-auto flex max-w-2xl flex-col gap-4" aria-labelledby="help-title">
      <nav aria-label={t("breadcrumb")} className="text-sm">
        <Link href="/aide" className="touch-target font-semibold text-teal underline">
          {t("back")}
        </Link>
      </nav>
      <header className="flex flex-col gap-2">
        {page.audience === "facilitator" ? (
          <p>
            <Badge tone="teal">{t("staffBadge")}</Badge>
          </p>
        ) : null}
        <h1 id="help-title" className="text-2xl font-extrabold sm:text-3xl">
          {page.title}
        </h1>
      </header>
      {/* Rendered from the allow-listed document when it was saved (lib/help/content.ts). */}
      <div className="prose-post text-lg" dangerouslySetInnerHTML={{ __html: page.bodyHtml }} />
      <footer className="flex flex-col gap-3 border-t border-line pt-3">
        <p className="text-sm text-muted">
          {t("updatedOn", { date: format.dateTime(page.updatedAt, { dateStyle: "long" }) })}
        </p>
        {page.canEdit ? (
          <div className="flex flex-wrap gap-3">
            <ButtonLink href={`/aide/${page.slug}/modifier`} variant="secondary">
              {t("edit")}
            </ButtonLink>
            <DeleteHelpPageButton id={page.id} title={page.title} />
          </div>
        ) : null}
      </footer>
    </article>
  );
}
