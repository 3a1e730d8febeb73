"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";

export type BottomBarItem = {
  href: string;
  label: string;
  icon: "home" | "channels" | "search" | "messages" | "notifications" | "me";
  /** A number waiting behind this destination (reports and admissions for staff, on "Moi"). */
  badge?: number;
  badgeLabel?: string;
};

const ICONS: Record<BottomBarItem["icon"], ReactNode> = {
  home: <path d="M3 11.5 12 4l9 7.5M5.5 9.5V20h13V9.5" />,
  channels: <path d="M4 6h16M4 12h16M4 18h10" />,
  search: (
    <>
      <circle cx="11" cy="11" r="6.5" />
      <path d="m16 16 4.5 4.5" />
    </>
  ),
  messages: <path d="M21 12a8 8 0 0 1-11.6 7.1L4 20l1-4.4A8 8 0 1 1 21 12Z" />,
  notifications: <path d="M6 16V11a6 6 0 1 1 12 0v5l1.5 2h-15L6 16Zm4 4a2 2 0 0 0 4 0" />,
  me: (
    <>
      <circle cx="12" cy="8" r="4" />
      <path d="M4.5 20.5a7.5 7.5 0 0 1 15 0" />
    </>
  ),
};

function isCurrent(pathname: string, href: string) {
  const path = href.split("#")[0]!;
  if (href.includes("#")) return false;
  return path === "/" ? pathname === "/" : pathname === path || pathname.startsWith(`${path}/`);
}

/** The app bar of phones: the main destinations at thumb reach, hidden from 640 px (the header has them). */
export function BottomBar({ items, label }: { items: BottomBarItem[]; label: string }) {
  const pathname = usePathname();
  return (
    <>
      {/* Keeps the end of the page (the footer) above the bar. */}
      <div aria-hidden="true" className="h-16 sm:hidden print:hidden" />
      <nav
        aria-label={label}
        className="fixed inset-x-0 bottom-0 z-30 border-t border-line bg-white pb-[env(safe-area-inset-bottom)] sm:hidden print:hidden"
      >
        <ul className="grid" style={{ gridTemplateColumns: `repeat(${items.length}, minmax(0, 1fr))` }}>
          {items.map((item) => {
            const current = isCurrent(pathname, item.href);
            return (
              <li key={item.href}>
                <Link
                  href={item.href}
                  aria-current={current ? "page" : undefined}
                  className={cn(
                    "relative flex min-h-14 flex-col items-center justify-center gap-0.5 px-0.5 text-[0.6875rem] font-semibold tracking-tight no-underline",
                    current ? "text-brand-dark" : "text-muted hover:text-ink",
                  )}
                >
                  <svg
                    aria-hidden="true"
                    viewBox="0 0 24 24"
                    className="size-6"
                    fill="none"
                    stroke="currentColor"
                    strokeWidth="2"
                    strokeLinecap="round"
                    strokeLinejoin="round"
                  >
                    {ICONS[item.icon]}
                  </svg>
                  <span className="max-w-full truncate">{item.label}</span>
                  {item.badge ? (
                    <span className="absolute right-[calc(50%-1.25rem)] top-1 min-w-5 rounded-full bg-brand px-1 text-center text-[0.7rem] leading-5 text-white">
                      {/* The label says the number in words ("2 demandes en attente"). */}
                      <span aria-hidden="true">{item.badge > 99 ? "99+" : item.badge}</span>
                      <span className="sr-only"> {item.badgeLabel}</span>
                    </span>
                  ) : null}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
    </>
  );
}
