"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";

/** Channel tabs: one row that scrolls sideways on a phone. */
export function ChannelNav({ channels, label }: { channels: { slug: string; name: string }[]; label: string }) {
  const pathname = usePathname();
  return (
    <nav aria-label={label} className="mx-auto max-w-5xl overflow-x-auto px-2">
      <ul className="flex gap-1 pb-2 lg:flex-wrap">
        {channels.map((channel) => {
          const href = `/c/${channel.slug}`;
          const isCurrent = pathname === href || pathname.startsWith(`${href}/`);
          return (
            <li key={channel.slug}>
              <Link
                href={href}
                aria-current={isCurrent ? "page" : undefined}
                className={cn(
                  "block whitespace-nowrap rounded-full px-3 py-1.5 text-sm font-semibold",
                  isCurrent ? "bg-ink text-white" : "text-muted hover:bg-sand hover:text-ink",
                )}
              >
                {channel.name}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
