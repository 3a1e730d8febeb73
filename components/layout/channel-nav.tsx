"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";

type Tab = { href: string; name: string };

/** Channel tabs, after the programme's own pages for members: one row that scrolls sideways on a phone. */
export function ChannelNav({
  channels,
  pages = [],
  label,
}: {
  channels: { slug: string; name: string }[];
  pages?: Tab[];
  label: string;
}) {
  const pathname = usePathname();
  const tabs: Tab[] = [...pages, ...channels.map((channel) => ({ href: `/c/${channel.slug}`, name: channel.name }))];
  return (
    <nav aria-label={label} className="mx-auto max-w-5xl overflow-x-auto px-2">
      <ul className="flex gap-1 pb-2 lg:flex-wrap">
        {tabs.map(({ href, name }) => {
          const isCurrent = pathname === href || pathname.startsWith(`${href}/`);
          return (
            <li key={href}>
              <Link
                href={href}
                aria-current={isCurrent ? "page" : undefined}
                className={cn(
                  "block whitespace-nowrap rounded-full px-3 py-1.5 text-sm font-semibold",
                  isCurrent ? "bg-ink text-white" : "text-muted hover:bg-sand hover:text-ink",
                )}
              >
                {name}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
