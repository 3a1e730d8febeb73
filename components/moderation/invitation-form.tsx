"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { createInvitationAction } from "@/lib/actions/moderation";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { ActionForm } from "./action-form";

/** Creates an invitation link; the link is shown once, right after creation. */
export function InvitationForm() {
  const t = useTranslations("admission");
  const [uses, setUses] = useState<"single" | "multi">("single");
  const [copied, setCopied] = useState(false);
  return (
    <ActionForm
      action={createInvitationAction}
      successMessage={t("created")}
      className="flex flex-col gap-4"
      ariaLabel={t("createTitle")}
    >
      {({ errorsFor, valueOf, isPending, data }) => (
        <>
          {data ? (
            <Alert tone="success">
              <p>{t("created")}</p>
              <div className="mt-2 flex flex-wrap items-end gap-2">
                <div className="min-w-0 flex-1">
                  <TextField
                    id="invitation-link"
                    label={t("linkLabel")}
                    value={data.url}
                    readOnly
                    onFocus={(event) => event.currentTarget.select()}
                  />
                </div>
                <Button
                  variant="secondary"
                  onClick={() => {
                    void navigator.clipboard?.writeText(data.url).then(() => setCopied(true));
                  }}
                >
                  {copied ? t("copied") : t("copy")}
                </Button>
              </div>
            </Alert>
          ) : null}
          <fieldset className="flex flex-col gap-2">
            <legend className="mb-1 text-sm font-semibold">{t("uses")}</legend>
            {(["single", "multi"] as const).map((value) => (
              <label key={value} className="flex items-center gap-2">
                <input
                  type="radio"
                  name="uses"
                  value={value}
                  checked={uses === value}
                  onChange={() => setUses(value)}
                  className="size-4 accent-teal"
                />
                {value === "single" ? t("usesSingle") : t("usesMulti")}
              </label>
            ))}
          </fieldset>
          {uses === "multi" ? (
            <TextField
              id="maxUses"
              type="number"
              min={2}
              max={1000}
              inputMode="numeric"
              label={t("maxUses")}
              hint={t("maxUsesHint")}
              defaultValue={valueOf("maxUses")}
              errors={errorsFor("maxUses")}
            />
          ) : null}
          <TextField
            id="expiresInDays"
            type="number"
            min={1}
            max={90}
            inputMode="numeric"
            label={t("expiresInDays")}
            required
            defaultValue={valueOf("expiresInDays") ?? "14"}
            errors={errorsFor("expiresInDays")}
          />
          <TextField
            id="note"
            label={t("note")}
            hint={t("noteHint")}
            maxLength={120}
            defaultValue={valueOf("note")}
            errors={errorsFor("note")}
          />
          <Button type="submit" disabled={isPending} className="self-start">
            {t("create")}
          </Button>
        </>
      )}
    </ActionForm>
  );
}
