"use client";

import { useTranslations } from "next-intl";
import { changeRoleAction, suspendUserAction, unsuspendUserAction } from "@/lib/actions/moderation";
import { eraseMemberAccountAction } from "@/lib/actions/data-ownership";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { userRoles, type UserRole } from "@/lib/permissions/roles";
import { ActionForm } from "./action-form";

type MemberActionsProps = {
  member: { id: string; name: string; role: UserRole; isSuspended: boolean };
  canSuspend: boolean;
  canChangeRole: boolean;
  canErase?: boolean;
};

/** Suspend / lift a suspension / change the role of one account (only what the viewer may do). */
export function MemberActions({ member, canSuspend, canChangeRole, canErase = false }: MemberActionsProps) {
  const t = useTranslations("moderation");
  const tErase = useTranslations("dataOwnership.staffErase");
  const tRoles = useTranslations("roles");
  const key = member.id.slice(0, 8);
  return (
    <div className="flex flex-col gap-2">
      {canSuspend && member.isSuspended ? (
        <ActionForm
          action={unsuspendUserAction}
          successMessage={t("unsuspended")}
          ariaLabel={t("unsuspendFor", { name: member.name })}
        >
          {({ isPending }) => (
            <>
              <input type="hidden" name="userId" value={member.id} />
              <Button type="submit" size="sm" variant="secondary" disabled={isPending}>
                {t("unsuspend")}
              </Button>
            </>
          )}
        </ActionForm>
      ) : null}
      {canSuspend && !member.isSuspended ? (
        <details className="rounded-lg border border-line px-3 py-2">
          <summary className="cursor-pointer text-sm font-semibold">{t("suspendFor", { name: member.name })}</summary>
          <ActionForm
            action={suspendUserAction}
            successMessage={t("suspended")}
            className="mt-3 flex flex-col gap-3"
            ariaLabel={t("suspendFor", { name: member.name })}
          >
            {({ errorsFor, valueOf, isPending }) => (
              <>
                <input type="hidden" name="userId" value={member.id} />
                <TextField
                  id={`suspend-reason-${key}`}
                  name="reason"
                  label={t("suspendReason")}
                  required
                  maxLength={500}
                  defaultValue={valueOf("reason")}
                  errors={errorsFor("reason")}
                />
                <TextField
                  id={`suspend-until-${key}`}
                  name="until"
                  type="date"
                  label={t("suspendUntil")}
                  hint={t("suspendUntilHint")}
                  defaultValue={valueOf("until")}
                  errors={errorsFor("until")}
                />
                <Button type="submit" size="sm" variant="danger" disabled={isPending} className="self-start">
                  {t("suspend")}
                </Button>
              </>
            )}
          </ActionForm>
        </details>
      ) : null}
      {canChangeRole ? (
        <ActionForm
          action={changeRoleAction}
          successMessage={t("roleChanged")}
          className="flex flex-wrap items-end gap-2"
          ariaLabel={t("roleFor", { name: member.name })}
        >
          {({ isPending }) => (
            <>
              <input type="hidden" name="userId" value={member.id} />
              <div className="flex flex-col gap-1">
                <label htmlFor={`role-${key}`} className="text-xs font-semibold">
                  {t("roleFor", { name: member.name })}
                </label>
                <select
                  id={`role-${key}`}
                  name="role"
                  defaultValue={member.role}
                  className="min-h-9 rounded-lg border border-line bg-white px-2 text-sm pointer-coarse:min-h-11"
                >
                  {userRoles.map((role) => (
                    <option key={role} value={role}>
                      {tRoles(role)}
                    </option>
                  ))}
                </select>
              </div>
              <Button type="submit" size="sm" variant="secondary" disabled={isPending}>
                {t("changeRole")}
              </Button>
            </>
          )}
        </ActionForm>
      ) : null}
      {canErase ? (
        <details className="rounded-lg border border-line px-3 py-2">
          <summary className="cursor-pointer text-sm font-semibold">{tErase("summary", { name: member.name })}</summary>
          <ActionForm
            action={eraseMemberAccountAction}
            successMessage={tErase("done")}
            className="mt-3 flex flex-col gap-3"
            ariaLabel={tErase("summary", { name: member.name })}
          >
            {({ errorsFor, valueOf, isPending }) => (
              <>
                <input type="hidden" name="userId" value={member.id} />
                <p className="text-sm text-muted">{tErase("explanation")}</p>
                <TextField
                  id={`erase-reason-${key}`}
                  name="reason"
                  label={tErase("reason")}
                  hint={tErase("reasonHint")}
                  required
                  maxLength={500}
                  defaultValue={valueOf("reason")}
                  errors={errorsFor("reason")}
                />
                <div className="flex flex-col gap-1">
                  <label htmlFor={`erase-posts-${key}`} className="text-xs font-semibold">
                    {tErase("posts")}
                  </label>
                  <select
                    id={`erase-posts-${key}`}
                    name="posts"
                    defaultValue="anonymise"
                    className="min-h-9 rounded-lg border border-line bg-white px-2 text-sm pointer-coarse:min-h-11"
                  >
                    <option value="anonymise">{tErase("postsAnonymise")}</option>
                    <option value="delete">{tErase("postsDelete")}</option>
                  </select>
                </div>
                <Button type="submit" size="sm" variant="danger" disabled={isPending} className="self-start">
                  {tErase("submit")}
                </Button>
              </>
            )}
          </ActionForm>
        </details>
      ) : null}
    </div>
  );
}
