import { CircleHelp } from "lucide-react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getCurrentUser } from "@/lib/auth/session";
import { contextFor } from "@/lib/context";
import { cn } from "@/components/ui/cn";
import { findReadableHelpPages } from "@/lib/help/service";

/**
 * Links to the help pages that explain the page they sit on ("Aide : Poster mon CV…"). A page
 * the community does not have (another template, deleted by an admin) or the reader may not
 * open is simply not linked: nothing is shown rather than a link to a 404.
 */
export async function HelpLinks({ slugs, className }: { slugs: readonly string[]; className?: string }) {
  const user = await getCurrentUser();
  const pages = await findReadableHelpPages(contextFor(user), slugs);
  if (pages.length === 0) return null;
  const t = await getTranslations("help");
  const ordered = slugs.flatMap((slug) => pages.filter((page) => page.slug === slug));
  return (
    <ul className={cn("flex flex-wrap gap-x-4 gap-y-1 text-sm", className)}>
      {ordered.map((page) => (
        <li key={page.id}>
          <Link
            href={`/aide/${page.slug}`}
            className="touch-target inline-flex items-center gap-1.5 font-semibold text-teal underline"
          >
            <CircleHelp aria-hidden="true" className="size-4 shrink-0" />
            {t("contextLink", { title: page.title })}
          </Link>
        </li>
      ))}
    </ul>
  );
}
