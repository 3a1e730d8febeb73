import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { readUnsubscribeToken } from "@/lib/notifications/unsubscribe";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("email"))("unsubscribe.title"), robots: { index: false } };
}

type Props = { searchParams: Promise<{ token?: string; done?: string }> };

/**
 * Reached from a mail's unsubscribe link, signed in or not. Opening it changes nothing (link
 * scanners open every link): the button posts to the one-click address, which applies it.
 */
export default async function UnsubscribePage({ searchParams }: Props) {
  const { token = "", done } = await searchParams;
  const t = await getTranslations("email");
  const link = readUnsubscribeToken(token);
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-6">
      <h1 className="text-2xl font-extrabold">{t("unsubscribe.title")}</h1>
      <Card className="flex flex-col gap-4">
        {!link ? (
          <p role="alert">{t("unsubscribe.invalid")}</p>
        ) : done === "1" ? (
          <p role="status">{t("unsubscribe.done", { scope: t(`scopes.${link.scope}`) })}</p>
        ) : (
          <form
            method="post"
            action={`/unsubscribe/one-click?token=${encodeURIComponent(token)}`}
            className="flex flex-col gap-4"
          >
            <p>{t("unsubscribe.confirm", { scope: t(`scopes.${link.scope}`) })}</p>
            <p className="text-muted">{t("unsubscribe.bell")}</p>
            <input type="hidden" name="confirm" value="1" />
            <div>
              <Button type="submit">{t("unsubscribe.button")}</Button>
            </div>
          </form>
        )}
        <p className="text-sm text-muted">
          {t("unsubscribe.settingsHint")}{" "}
          <Link href="/settings/notifications" className="text-brand underline">
            {t("unsubscribe.settings")}
          </Link>
        </p>
      </Card>
    </div>
  );
}
