import type { Metadata } from "next";
import type { JSONContent } from "@tiptap/react";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ComposePage } from "@/components/forum/compose-page";
import { HelpPageForm } from "@/components/help/help-page-form";
import { getCurrentUser } from "@/lib/auth/session";
import { contextFor } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { getHelpPageForEdit } from "@/lib/help/service";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("help"))("editTitle"), robots: { index: false } };
}

/** Editing a help page: admins only (a 404 for anyone else, as for a page that does not exist). */
export default async function EditHelpPage({ params }: Props) {
  const { slug } = await params;
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/aide/${slug}/modifier`)}`);
  const page = await getHelpPageForEdit(contextFor(user), slug).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
  const t = await getTranslations("help");
  return (
    <ComposePage back={{ href: `/aide/${page.slug}`, label: page.title }} title={t("editTitle")}>
      <HelpPageForm
        initial={{ title: page.title, slug: page.slug, audience: page.audience, position: String(page.position) }}
        initialBody={page.body as JSONContent}
        edit={{ id: page.id, updatedAt: page.updatedAt.toISOString() }}
        cancelHref={`/aide/${page.slug}`}
      />
    </ComposePage>
  );
}
