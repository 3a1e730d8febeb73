import { ButtonLink } from "./button";

type PageLink = { href: string; label: string };

type PaginationProps = {
  /** Names the landmark ("Pagination", "Pages of the list"…). */
  label: string;
  /** Back to the start of the list; given on every page but the first. */
  first?: PageLink | null;
  /** The next page (older entries), when there is one. */
  next?: PageLink | null;
};

/**
 * The pagination bar of cursor-paged lists. Cursors only go forward, so the way back is the
 * first page (`rel="first"`), not a previous one. Nothing is rendered when there is only one
 * page, rather than an empty navigation landmark.
 */
export function Pagination({ label, first, next }: PaginationProps) {
  if (!first && !next) return null;
  return (
    <nav aria-label={label} className="flex justify-between gap-3">
      {first ? (
        <ButtonLink href={first.href} rel="first" variant="secondary">
          {first.label}
        </ButtonLink>
      ) : (
        <span />
      )}
      {next ? (
        <ButtonLink href={next.href} rel="next" variant="secondary">
          {next.label}
        </ButtonLink>
      ) : null}
    </nav>
  );
}
