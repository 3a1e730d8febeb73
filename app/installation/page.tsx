import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SetupForm } from "@/components/setup/setup-form";
import { Card } from "@/components/ui/card";
import { DEFAULT_BRANDING } from "@/lib/branding/defaults";
import { BUILT_IN_TEMPLATES } from "@/lib/programme/apply";
import { needsSetup } from "@/lib/setup/service";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("setup"))("metaTitle"), robots: { index: false } };
}

/** The setup wizard: only on an instance without an admin, then gone (404). */
export default async function InstallationPage() {
  if (!(await needsSetup())) notFound();
  const t = await getTranslations("setup");
  const templates = Object.values(BUILT_IN_TEMPLATES).map(({ id, name, description }) => ({
    id: id as "propulse" | "entraide",
    name,
    description,
  }));
  return (
    <Card className="mx-auto flex max-w-2xl flex-col gap-6">
      <div>
        <h1 className="text-2xl font-extrabold">{t("title")}</h1>
        <p className="mt-1 text-muted">{t("intro")}</p>
      </div>
      <SetupForm branding={{ ...DEFAULT_BRANDING, name: "" }} templates={templates} />
    </Card>
  );
}
