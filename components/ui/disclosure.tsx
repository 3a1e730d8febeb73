import type { ReactNode } from "react";
import { cn } from "./cn";

/** `summaryId` lets what is folded (a form) be labelled by its summary. */
type Props = { summary: ReactNode; summaryId?: string; children: ReactNode; className?: string };

/**
 * A form or panel folded behind a button-like summary (native <details>: keyboard and screen
 * readers work without JavaScript). Keeps long forms from pushing the content they are about
 * out of sight.
 */
export function Disclosure({ summary, summaryId, children, className }: Props) {
  return (
    <details className={cn("group rounded-xl border border-line", className)}>
      <summary className="flex min-h-11 cursor-pointer list-none items-center justify-between gap-3 rounded-xl px-4 py-2 font-semibold hover:bg-sand [&::-webkit-details-marker]:hidden">
        <span id={summaryId}>{summary}</span>
        <span aria-hidden="true" className="text-muted transition-transform group-open:rotate-180">
          ▾
        </span>
      </summary>
      <div className="border-t border-line p-3 sm:p-4">{children}</div>
    </details>
  );
}
