import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { QuestionList } from "@/components/questions/to-answer";
import { Pagination } from "@/components/ui/pagination";
import { getCurrentUser } from "@/lib/auth/session";
import { canBrowsePros } from "@/lib/permissions";
import { listQuestionsToAnswer } from "@/lib/questions/service";
import { contextFor } from "@/lib/context";

type Props = { searchParams: Promise<{ after?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("qa"))("toAnswerTitle"), robots: { index: false } };
}

/** "À répondre": questions without an accepted answer, oldest first. */
export default async function QuestionsToAnswerPage({ searchParams }: Props) {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in?callbackUrl=/questions");
  if (!canBrowsePros(user)) notFound();
  const { after } = await searchParams;
  const [{ items, nextCursor }, t] = await Promise.all([
    listQuestionsToAnswer(contextFor(user), { cursor: after }),
    getTranslations("qa"),
  ]);
  return (
    <div className="flex flex-col gap-5">
      <header>
        <h1 className="text-2xl font-extrabold sm:text-3xl">{t("toAnswerTitle")}</h1>
        <p className="mt-1 max-w-2xl text-muted">{t("toAnswerIntro")}</p>
      </header>
      {items.length > 0 ? (
        <QuestionList items={items} />
      ) : (
        <p className="rounded-2xl border border-dashed border-line bg-white p-8 text-center text-muted">{t("none")}</p>
      )}
      <Pagination
        label={t("pagination")}
        first={after ? { href: "/questions", label: t("firstPage") } : null}
        next={nextCursor ? { href: `/questions?after=${nextCursor}`, label: t("nextPage") } : null}
      />
    </div>
  );
}
