"use client";

import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { createApiTokenAction, revokeApiTokenAction } from "@/lib/actions/api-tokens";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { useFormState } from "@/components/ui/form-state";
import { useToast } from "@/components/ui/toast";
import { translateKey } from "@/lib/i18n/translate-key";

export type ApiTokenRow = {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
};

/** Creates personal API tokens (shown once) and revokes them. */
export function ApiTokenManager({ tokens }: { tokens: ApiTokenRow[] }) {
  const t = useTranslations("offers");
  const tRoot = useTranslations();
  const format = useFormatter();
  const toast = useToast();
  const router = useRouter();
  const [state, action, isPending] = useActionState(createApiTokenAction, null);
  const { errorsFor, formError, valueOf } = useFormState(state);
  const [revoking, setRevoking] = useState<string | null>(null);
  const created = state?.ok ? state.data : null;
  const date = (value: string) => format.dateTime(new Date(value), { dateStyle: "medium", timeStyle: "short" });

  return (
    <div className="flex flex-col gap-6">
      <form action={action} className="flex flex-col gap-3" noValidate>
        {formError ? <Alert tone="error">{formError}</Alert> : null}
        <TextField
          id="name"
          label={t("tokens.name")}
          hint={t("tokens.nameHint")}
          maxLength={60}
          required
          defaultValue={created ? "" : (valueOf("name") ?? "")}
          errors={errorsFor("name")}
        />
        <Button type="submit" disabled={isPending} className="self-start">
          {isPending ? t("tokens.creating") : t("tokens.create")}
        </Button>
      </form>
      {created ? (
        <Alert tone="success">
          <p>{t("tokens.created")}</p>
          <label htmlFor="new-token" className="mt-2 block font-semibold">
            {t("tokens.newToken")} · {created.name}
          </label>
          <input
            id="new-token"
            readOnly
            value={created.token}
            onFocus={(event) => event.currentTarget.select()}
            className="mt-1 w-full rounded-lg border border-line bg-white px-3 py-2 font-mono text-sm text-ink"
          />
        </Alert>
      ) : null}
      <section aria-labelledby="tokens-heading" className="flex flex-col gap-3">
        <h2 id="tokens-heading" className="text-lg font-bold">
          {t("tokens.listHeading")}
        </h2>
        {tokens.length === 0 ? <p className="text-muted">{t("tokens.none")}</p> : null}
        <ul className="flex flex-col divide-y divide-line rounded-xl border border-line bg-white">
          {tokens.map((token) => (
            <li key={token.id} className="flex flex-col gap-2 p-3 sm:flex-row sm:items-center sm:justify-between">
              <div>
                <p className="font-semibold">
                  {token.name} <span className="font-mono text-sm text-muted">{token.prefix}…</span>
                </p>
                <p className="text-sm text-muted">
                  {t("tokens.createdAt", { date: date(token.createdAt) })} ·{" "}
                  {token.lastUsedAt ? t("tokens.lastUsed", { date: date(token.lastUsedAt) }) : t("tokens.neverUsed")}
                </p>
              </div>
              {token.revokedAt ? (
                <Badge>{t("tokens.revoked")}</Badge>
              ) : (
                <Button
                  variant="secondary"
                  size="sm"
                  aria-label={t("tokens.revokeLabel", { name: token.name })}
                  disabled={revoking === token.id}
                  onClick={async () => {
                    setRevoking(token.id);
                    const result = await revokeApiTokenAction({ id: token.id }).catch(() => ({
                      ok: false as const,
                      error: "errors.network",
                    }));
                    setRevoking(null);
                    if (!result.ok) return toast.show(translateKey(tRoot, result.error), "error");
                    toast.show(t("tokens.revokedToast"));
                    router.refresh();
                  }}
                >
                  {t("tokens.revoke")}
                </Button>
              )}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
