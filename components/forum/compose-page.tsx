import Link from "next/link";
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";

type Props = {
  /** Where the breadcrumb leads back to (the channel, or the offer being edited). */
  back: { href: string; label: string };
  title: string;
  /** A short explanation or the channel's rules, above the form. */
  intro?: string | null;
  /** Links to the help pages about this kind of writing, under the intro. */
  help?: ReactNode;
  children: ReactNode;
};

/** The frame of every page that writes something in a channel: a way back, a title, the form in a card. */
export async function ComposePage({ back, title, intro, help, children }: Props) {
  const t = await getTranslations("forum");
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-4">
      <nav aria-label={t("breadcrumb")} className="text-sm">
        <Link href={back.href} className="touch-target font-semibold text-teal underline">
          {back.label}
        </Link>
      </nav>
      <h1 className="text-2xl font-extrabold">{title}</h1>
      {intro ? <p className="whitespace-pre-line rounded-xl bg-sand/70 px-4 py-3 text-sm">{intro}</p> : null}
      {help}
      <Card>{children}</Card>
    </div>
  );
}
