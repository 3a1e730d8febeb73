"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { postWithProgress } from "@/components/reviews/upload-xhr";

/** Sends a new logo through the checked upload route; the page then shows it everywhere. */
export function LogoUploadForm({ logoUrl }: { logoUrl: string | null }) {
  const t = useTranslations("branding.logo");
  const router = useRouter();
  const [status, setStatus] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const [isSending, setSending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSending(true);
    const result = await postWithProgress("/api/branding/logo", new FormData(event.currentTarget), () => {});
    setSending(false);
    if (result.ok) {
      setStatus({ tone: "success", text: t("saved") });
      router.refresh();
      return;
    }
    const message = "network" in result ? null : (result.fields?.file?.[0] ?? result.message);
    setStatus({ tone: "error", text: message ?? t("failed") });
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-3" aria-label={t("title")}>
      {logoUrl ? (
        // eslint-disable-next-line @next/next/no-img-element -- the uploaded file as served
        <img src={logoUrl} alt={t("current")} className="size-20 rounded-xl border border-line object-contain" />
      ) : (
        <p className="text-sm text-muted">{t("none")}</p>
      )}
      <label htmlFor="logo-file" className="text-sm font-semibold">
        {t("label")}
      </label>
      <input
        id="logo-file"
        name="file"
        type="file"
        accept="image/png,image/jpeg,image/webp"
        required
        className="text-sm"
      />
      {status ? <Alert tone={status.tone}>{status.text}</Alert> : null}
      <Button type="submit" disabled={isSending} className="self-start">
        {isSending ? t("sending") : t("submit")}
      </Button>
    </form>
  );
}
