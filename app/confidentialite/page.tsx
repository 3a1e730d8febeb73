import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("privacy"))("title") };
}

type Section = { title: string; items: string[] };

/** The privacy notice, in plain language, public (linked from the footer, sign-up and CV upload). */
export default async function PrivacyPage() {
  const t = await getTranslations("privacy");
  const sections = t.raw("sections") as Section[];
  return (
    <article className="mx-auto flex max-w-2xl flex-col gap-6">
      <header>
        <h1 className="text-2xl font-extrabold">{t("title")}</h1>
        <p className="mt-2">{t("intro")}</p>
      </header>
      {sections.map((section, index) => (
        <section key={section.title} aria-labelledby={`section-${index}`} className="flex flex-col gap-2">
          <h2 id={`section-${index}`} className="text-lg font-bold">
            {section.title}
          </h2>
          <ul className="list-disc space-y-1 pl-5">
            {section.items.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        </section>
      ))}
      <section className="flex flex-col gap-2">
        <h2 className="text-lg font-bold">{t("contactTitle")}</h2>
        <p>{t("contact")}</p>
      </section>
    </article>
  );
}
