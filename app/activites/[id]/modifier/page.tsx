import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ActivityForm } from "@/components/rhythm/activity-form";
import { Card } from "@/components/ui/card";
import { getCurrentUser } from "@/lib/auth/session";
import { contextFor } from "@/lib/context";
import { utcToZonedTime } from "@/lib/domain/rhythm";
import { AppError } from "@/lib/errors";
import { offeredActivityKinds } from "@/lib/programme/texts";
import { getActivityPage } from "@/lib/rhythm/activities";
import { activityIdSchema } from "@/lib/validation/rhythm";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("activities"))("editTitle"), robots: { index: false } };
}

export default async function EditActivityPage({ params }: Props) {
  const { id } = await params;
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?callbackUrl=/activites/${encodeURIComponent(id)}/modifier`);
  const parsed = activityIdSchema.safeParse(id);
  if (!parsed.success) notFound();
  const page = await getActivityPage(contextFor(user), parsed.data).catch((error: unknown) => {
    if (error instanceof AppError) notFound();
    throw error;
  });
  const { activity } = page;
  if (!activity.canManage) notFound();
  const [t, kinds] = await Promise.all([getTranslations("activities"), offeredActivityKinds()]);
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-4">
      <h1 className="text-2xl font-extrabold sm:text-3xl">{t("editTitle")}</h1>
      <Card>
        <ActivityForm
          publishesDirectly
          kinds={kinds}
          initial={{
            id: activity.id,
            title: activity.title,
            kind: activity.kind,
            description: activity.description,
            startsAt: utcToZonedTime(activity.startsAt),
            endsAt: utcToZonedTime(activity.endsAt),
            place: activity.place,
            visioUrl: activity.visioUrl ?? "",
            capacity: activity.capacity === null ? "" : String(activity.capacity),
          }}
        />
      </Card>
    </div>
  );
}
