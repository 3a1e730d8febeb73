import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ActivityForm } from "@/components/rhythm/activity-form";
import { Card } from "@/components/ui/card";
import { getCurrentUser } from "@/lib/auth/session";
import { offeredActivityKinds } from "@/lib/programme/texts";
import { canProposeActivity, canPublishActivityDirectly } from "@/lib/permissions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("activities"))("proposeTitle"), robots: { index: false } };
}

export default async function NewActivityPage() {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in?callbackUrl=/activites/nouvelle");
  if (!canProposeActivity(user)) redirect("/");
  const [t, kinds] = await Promise.all([getTranslations("activities"), offeredActivityKinds()]);
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-4">
      <h1 className="text-2xl font-extrabold sm:text-3xl">{t("proposeTitle")}</h1>
      <p className="text-muted">{t("proposeIntro")}</p>
      <Card>
        <ActivityForm
          publishesDirectly={canPublishActivityDirectly(user)}
          kinds={kinds}
          initial={{
            title: "",
            kind: kinds[0] ?? "atelier",
            description: "",
            startsAt: "",
            endsAt: "",
            place: "",
            visioUrl: "",
            capacity: "",
          }}
        />
      </Card>
    </div>
  );
}
