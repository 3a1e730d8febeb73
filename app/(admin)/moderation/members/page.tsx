import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { MemberActions } from "@/components/moderation/member-actions";
import { RoleBadge } from "@/components/profile/role-badge";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Pagination } from "@/components/ui/pagination";
import { getCurrentUser } from "@/lib/auth/session";
import { listMembersForStaff } from "@/lib/moderation/users";
import { canChangeRole, canEraseAccount, canModerate, canSuspendUser } from "@/lib/permissions";
import { memberFilterSchema } from "@/lib/validation/moderation";
import { contextFor } from "@/lib/context";

type Props = { searchParams: Promise<Record<string, string | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("moderation.nav"))("members") };
}

export default async function MembersPage({ searchParams }: Props) {
  const user = await getCurrentUser();
  if (!canModerate(user)) notFound();
  const filters = memberFilterSchema.parse(await searchParams);
  const [{ items, nextCursor }, t, format] = await Promise.all([
    listMembersForStaff(contextFor(user), { query: filters.q, status: filters.status, cursor: filters.after }),
    getTranslations("moderation"),
    getFormatter(),
  ]);
  const query = (after?: string) =>
    `/moderation/members?${new URLSearchParams({ ...(filters.q ? { q: filters.q } : {}), ...(filters.status ? { status: filters.status } : {}), ...(after ? { after } : {}) })}`;
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-extrabold">{t("membersTitle")}</h1>
      <form method="get" action="/moderation/members" className="flex flex-wrap items-end gap-2" role="search">
        <div className="flex min-w-56 flex-1 flex-col gap-1.5">
          <label htmlFor="q" className="text-sm font-semibold">
            {t("search")}
          </label>
          <input
            id="q"
            name="q"
            type="search"
            defaultValue={filters.q ?? ""}
            maxLength={100}
            className="min-h-11 rounded-lg border border-line bg-white px-3"
          />
        </div>
        <div className="flex flex-col gap-1.5">
          <label htmlFor="status" className="text-sm font-semibold">
            {t("statusFilter")}
          </label>
          <select
            id="status"
            name="status"
            defaultValue={filters.status ?? ""}
            className="min-h-11 rounded-lg border border-line bg-white px-3"
          >
            <option value="">{t("allStatuses")}</option>
            <option value="active">{t("status_active")}</option>
            <option value="pending">{t("status_pending")}</option>
            <option value="suspended">{t("status_suspended")}</option>
          </select>
        </div>
        <Button type="submit" variant="secondary">
          {t("searchSubmit")}
        </Button>
      </form>
      {items.length === 0 ? (
        <p className="rounded-2xl border border-dashed border-line bg-white p-8 text-center text-muted">
          {t("noMembers")}
        </p>
      ) : null}
      {items.length > 0 ? (
        <ul className="flex flex-col divide-y divide-line rounded-2xl border border-line bg-white">
          {items.map((member) => (
            <li key={member.id} className="flex flex-col gap-3 p-4 lg:flex-row lg:items-start lg:justify-between">
              <div className="min-w-0">
                <p className="flex flex-wrap items-center gap-2">
                  <Link href={`/u/${member.id}`} className="touch-target font-semibold text-ink hover:underline">
                    {member.name}
                  </Link>
                  <RoleBadge role={member.role} organisation={member.organisation} />
                  {member.status !== "active" ? <Badge tone="danger">{t(`status_${member.status}`)}</Badge> : null}
                </p>
                <p className="text-sm break-all text-muted">{member.email}</p>
                <p className="text-sm text-muted">
                  {t("joined", { date: format.dateTime(member.createdAt, { dateStyle: "medium" }) })}
                </p>
                {member.status === "suspended" ? (
                  <p className="mt-1 text-sm">
                    {member.suspendedUntil
                      ? t("suspendedUntil", { date: format.dateTime(member.suspendedUntil, { dateStyle: "medium" }) })
                      : t("suspendedIndefinitely")}
                    {member.suspensionReason ? ` — ${member.suspensionReason}` : ""}
                  </p>
                ) : null}
                <Link
                  href={`/moderation/audit?member=${member.id}`}
                  className="touch-target text-sm font-semibold text-teal underline"
                >
                  {t("historyOf", { name: member.name })}
                </Link>
              </div>
              <div className="lg:w-96">
                <MemberActions
                  member={{
                    id: member.id,
                    name: member.name,
                    role: member.role,
                    isSuspended: member.status === "suspended",
                  }}
                  canSuspend={canSuspendUser(user, member)}
                  canChangeRole={canChangeRole(user, member)}
                  canErase={canEraseAccount(user, member)}
                />
              </div>
            </li>
          ))}
        </ul>
      ) : null}
      <Pagination
        label={t("pagination")}
        first={filters.after ? { href: query(), label: t("firstPage") } : null}
        next={nextCursor ? { href: query(nextCursor), label: t("nextPage") } : null}
      />
    </div>
  );
}
