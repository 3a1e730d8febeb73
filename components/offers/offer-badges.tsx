import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { OfferContract, WorkMode } from "@/lib/offers/constants";

type OfferBadgesProps = {
  contract: OfferContract;
  workMode: WorkMode;
  isExpired?: boolean;
  isFilled?: boolean;
  isShared?: boolean;
  isSaved?: boolean;
};

/** Contract and work mode, then the offer's state: Expirée, Pourvue, partagée, sauvegardée. */
export function OfferBadges({ contract, workMode, isExpired, isFilled, isShared, isSaved }: OfferBadgesProps) {
  const t = useTranslations("offers");
  return (
    <span className="flex flex-wrap items-center gap-1.5">
      <Badge tone="teal">{t(`contract.${contract}`)}</Badge>
      <Badge>{t(`workMode.${workMode}`)}</Badge>
      {isExpired ? <Badge tone="danger">{t("badge.expired")}</Badge> : null}
      {isFilled ? <Badge tone="success">{t("badge.filled")}</Badge> : null}
      {isShared ? <Badge tone="brand">{t("badge.shared")}</Badge> : null}
      {isSaved ? <Badge tone="brand">{t("badge.saved")}</Badge> : null}
    </span>
  );
}
