"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";
import type { AccountLink } from "./account-links";

/**
 * The destinations a member returns to, in the header from 640 px (phones have the bottom bar
 * and its "Moi" page): no menu to open to find them.
 */
export function MainNav({ links, label, badgeLabel }: { links: AccountLink[]; label: string; badgeLabel: string }) {
  const pathname = usePathname();
  return (
    <nav aria-label={label} className="mx-auto hidden max-w-5xl px-2 sm:block">
      <ul className="flex flex-wrap gap-x-1 pb-1">
        {links.map((link) => {
          const isCurrent = pathname === link.href || pathname.startsWith(`${link.href}/`);
          return (
            <li key={link.href}>
              <Link
                href={link.href}
                aria-current={isCurrent ? "page" : undefined}
                className={cn(
                  "inline-flex min-h-9 items-center gap-1.5 rounded-lg px-2.5 text-sm font-semibold pointer-coarse:min-h-11",
                  isCurrent ? "text-brand-dark underline" : "text-ink hover:bg-sand",
                )}
              >
                {link.label}
                {link.badge ? (
                  <span className="rounded-full bg-brand px-1.5 text-xs text-white">
                    {link.badge}
                    <span className="sr-only"> · {badgeLabel}</span>
                  </span>
                ) : null}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
