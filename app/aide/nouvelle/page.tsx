import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ComposePage } from "@/components/forum/compose-page";
import { HelpPageForm } from "@/components/help/help-page-form";
import { getCurrentUser } from "@/lib/auth/session";
import { canEditHelp } from "@/lib/permissions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("help"))("newTitle"), robots: { index: false } };
}

/** A new help page: admins only (a 404 for anyone else). */
export default async function NewHelpPage() {
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent("/aide/nouvelle")}`);
  if (!canEditHelp(user)) notFound();
  const t = await getTranslations("help");
  return (
    <ComposePage back={{ href: "/aide", label: t("back") }} title={t("newTitle")}>
      <HelpPageForm
        initial={{ title: "", slug: "", audience: "member", position: "100" }}
        initialBody={null}
        cancelHref="/aide"
      />
    </ComposePage>
  );
}
