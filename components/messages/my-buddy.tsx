import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** "Ton binôme : …" on the home page, with the way to their conversation. */
export async function MyBuddy({
  buddy,
}: {
  buddy: { other: { id: string; name: string }; conversationId: number | null; isNewcomer: boolean };
}) {
  const t = await getTranslations("messages.buddies");
  return (
    <section
      aria-labelledby="my-buddy"
      className="rounded-2xl border border-line bg-white p-4 sm:p-5"
      data-testid="my-buddy"
    >
      <h2 id="my-buddy" className="text-lg font-bold">
        {t("yourBuddy", { name: buddy.other.name })}
      </h2>
      <p className="mt-1 text-muted">{buddy.isNewcomer ? t("newcomerHint") : t("buddyHint")}</p>
      <p className="mt-2 flex flex-wrap gap-3">
        {buddy.conversationId ? (
          <Link href={`/messages/${buddy.conversationId}`} className="font-semibold text-teal underline">
            {t("openConversation")}
          </Link>
        ) : null}
        <Link href={`/u/${buddy.other.id}`} className="font-semibold text-teal underline">
          {t("profile", { name: buddy.other.name })}
        </Link>
      </p>
    </section>
  );
}
