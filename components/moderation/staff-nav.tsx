"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";

const SECTIONS = [
  "",
  "reports",
  "admissions",
  "pros",
  "invitations",
  "members",
  "impact",
  "cohortes",
  "channels",
  "binomes",
  "audit",
  "settings",
  "reseau",
] as const;

/** Sections only admins may open (the others are for every staff member). */
const ADMIN_SECTIONS: ReadonlySet<string> = new Set(["reseau"]);

/** The moderation area's sections; the current one is marked for assistive technologies. */
export function StaffNav({
  counts,
  isAdmin,
}: {
  counts: { reports: number; admissions: number; pros: number };
  isAdmin: boolean;
}) {
  const t = useTranslations("moderation.nav");
  const pathname = usePathname();
  const badge = (section: string) =>
    section === "reports"
      ? counts.reports
      : section === "admissions"
        ? counts.admissions
        : section === "pros"
          ? counts.pros
          : 0;
  return (
    <nav aria-label={t("label")} className="print:hidden">
      <ul className="flex flex-wrap gap-x-1 border-b border-line">
        {SECTIONS.filter((section) => isAdmin || !ADMIN_SECTIONS.has(section)).map((section) => {
          const href = section ? `/moderation/${section}` : "/moderation";
          const isCurrent = pathname === href || (section !== "" && pathname.startsWith(`${href}/`));
          const count = badge(section);
          return (
            <li key={section || "overview"}>
              <Link
                href={href}
                aria-current={isCurrent ? "page" : undefined}
                className={cn(
                  "-mb-px inline-flex min-h-11 items-center gap-1.5 border-b-2 px-2.5 text-sm font-semibold",
                  isCurrent ? "border-brand text-brand-dark" : "border-transparent text-ink hover:border-line",
                )}
              >
                {t(section || "overview")}
                {count > 0 ? <span className="rounded-full bg-brand px-1.5 text-xs text-white">{count}</span> : null}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
