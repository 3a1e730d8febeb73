import { translateKey } from "@/lib/i18n/translate-key";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { Pagination } from "@/components/ui/pagination";
import { getCurrentUser } from "@/lib/auth/session";
import { auditActions } from "@/lib/moderation/constants";
import { readAuditLog } from "@/lib/moderation/service";
import { canReadAuditLog } from "@/lib/permissions";
import { auditFilterSchema } from "@/lib/validation/moderation";
import { contextFor } from "@/lib/context";

type Props = { searchParams: Promise<Record<string, string | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("moderation.nav"))("audit") };
}

/** Who did what, on what, why and when; filterable by action, by staff member and by member concerned. */
export default async function AuditPage({ searchParams }: Props) {
  const user = await getCurrentUser();
  if (!canReadAuditLog(user)) notFound();
  const filters = auditFilterSchema.parse(await searchParams);
  const [{ items, nextCursor }, t, format] = await Promise.all([
    readAuditLog(contextFor(user), {
      action: filters.action,
      actorId: filters.actor,
      targetUserId: filters.member,
      cursor: filters.after,
    }),
    getTranslations("moderation"),
    getFormatter(),
  ]);
  const query = (change: Record<string, string | undefined>) => {
    const params = { action: filters.action, actor: filters.actor, member: filters.member, ...change };
    return `/moderation/audit?${new URLSearchParams(Object.entries(params).filter((entry): entry is [string, string] => Boolean(entry[1])))}`;
  };
  const isFiltered = Boolean(filters.action || filters.actor || filters.member);
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-extrabold">{t("auditTitle")}</h1>
      <form method="get" action="/moderation/audit" className="flex flex-wrap items-end gap-2">
        {filters.actor ? <input type="hidden" name="actor" value={filters.actor} /> : null}
        {filters.member ? <input type="hidden" name="member" value={filters.member} /> : null}
        <div className="flex min-w-56 flex-col gap-1.5">
          <label htmlFor="action" className="text-sm font-semibold">
            {t("filterAction")}
          </label>
          <select
            id="action"
            name="action"
            defaultValue={filters.action ?? ""}
            className="min-h-11 rounded-lg border border-line bg-white px-3"
          >
            <option value="">{t("allActions")}</option>
            {auditActions.map((action) => (
              <option key={action} value={action}>
                {translateKey(t, `actions.${action.replace(".", "_")}`)}
              </option>
            ))}
          </select>
        </div>
        <Button type="submit" variant="secondary">
          {t("filter")}
        </Button>
        {isFiltered ? (
          <Link
            href="/moderation/audit"
            className="min-h-11 content-center px-2 text-sm font-semibold text-teal underline"
          >
            {t("clearFilters")}
          </Link>
        ) : null}
      </form>
      {items.length === 0 ? (
        <p className="rounded-2xl border border-dashed border-line bg-white p-8 text-center text-muted">
          {t("auditEmpty")}
        </p>
      ) : null}
      {items.length > 0 ? (
        <ol className="flex flex-col divide-y divide-line rounded-2xl border border-line bg-white">
          {items.map((entry) => (
            <li key={entry.id} className="flex flex-col gap-1 p-4">
              <p>
                <Link
                  href={query({ actor: entry.actor.id, after: undefined })}
                  className="font-semibold text-ink underline decoration-line hover:decoration-ink"
                >
                  {entry.actor.name}
                </Link>{" "}
                {translateKey(t, `actions.${entry.action.replace(".", "_")}`)}
                {entry.targetUser ? (
                  <>
                    {" "}
                    <Link
                      href={query({ member: entry.targetUser.id, after: undefined })}
                      className="font-semibold text-ink underline decoration-line hover:decoration-ink"
                    >
                      {entry.targetUser.name}
                    </Link>
                  </>
                ) : null}
                {typeof entry.details.title === "string" ? (
                  <span className="text-muted"> · « {entry.details.title} »</span>
                ) : null}
              </p>
              {entry.reason ? (
                <p className="text-sm break-words">
                  <span className="font-semibold">{t("reasonLabel")} : </span>
                  {entry.reason}
                </p>
              ) : null}
              <p className="text-sm text-muted">
                <time dateTime={entry.createdAt.toISOString()}>
                  {format.dateTime(entry.createdAt, { dateStyle: "medium", timeStyle: "short" })}
                </time>
                {" · "}
                {/* People are named above; other targets keep their number (a thread, a report…). */}
                {entry.targetType === "user"
                  ? entry.targetUser
                    ? t("targets.user")
                    : t("erasedAccount")
                  : `${t(`targets.${entry.targetType}`)} n° ${entry.targetId}`}
              </p>
            </li>
          ))}
        </ol>
      ) : null}
      <Pagination
        label={t("pagination")}
        first={filters.after ? { href: query({ after: undefined }), label: t("firstPage") } : null}
        next={nextCursor ? { href: query({ after: nextCursor }), label: t("olderEntries") } : null}
      />
    </div>
  );
}
