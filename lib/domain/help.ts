/** Shared by the database schema, the validation schemas, the templates and the UI (pure: imports nothing). */

/** Who a help page is written for: every member, or the facilitators and admins. */
export const helpAudiences = ["member", "facilitator"] as const;
export type HelpAudience = (typeof helpAudiences)[number];

/**
 * A help page's address (`/aide/<slug>`): stable, so links from other pages and from templates
 * keep working. Lower-case letters, digits and hyphens; `nouvelle` is the new-page form's path.
 */
export const HELP_SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,58}[a-z0-9])?$/;
export const RESERVED_HELP_SLUGS: ReadonlySet<string> = new Set(["nouvelle"]);

export const HELP_LIMITS = { titleMin: 3, titleMax: 120, positionMax: 1000, pagesMax: 200 } as const;
