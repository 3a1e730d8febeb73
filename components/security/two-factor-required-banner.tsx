import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";

/** On every page of a facilitator or admin who has not set up two-factor sign-in yet. */
export async function TwoFactorRequiredBanner() {
  const t = await getTranslations("security");
  return (
    <div className="mb-5">
      <Alert tone="info">
        {t("requiredBanner")}{" "}
        <Link href="/settings/securite" className="font-semibold underline">
          {t("requiredBannerLink")}
        </Link>
      </Alert>
    </div>
  );
}
