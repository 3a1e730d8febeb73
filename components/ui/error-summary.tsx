"use client";

import { useEffect, useRef } from "react";

export type SummaryError = { id: string; label: string; messages: string[] };

type ErrorSummaryProps = {
  title: string;
  /** In the order of the form: the first one gets the focus. */
  errors: SummaryError[];
  /** Changes on every refused submit, so a second refusal moves the focus again. */
  attempt: number;
};

/**
 * The list of what to fix, at the top of a form, with a link to each field. On a refused submit
 * the first field with an error is scrolled into view and focused: on a phone the person sees
 * what went wrong instead of a button that seems to do nothing.
 */
export function ErrorSummary({ title, errors, attempt }: ErrorSummaryProps) {
  const first = errors[0]?.id;
  const lastAttempt = useRef(0);
  useEffect(() => {
    if (!first || attempt === lastAttempt.current) return;
    lastAttempt.current = attempt;
    const field = document.getElementById(first);
    field?.scrollIntoView({ block: "center" });
    field?.focus({ preventScroll: true });
  }, [first, attempt]);
  if (errors.length === 0) return null;
  return (
    <div role="alert" className="rounded-lg border border-danger/30 bg-danger-soft px-4 py-3 text-sm text-danger">
      <p className="font-semibold">{title}</p>
      <ul className="mt-1 list-disc pl-5">
        {errors.map((error) => (
          <li key={error.id}>
            <a href={`#${error.id}`} className="underline">
              {error.label} : {error.messages.join(" ")}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
