"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { JsonActionButton } from "@/components/ui/json-action-button";
import { withdrawOutcomeAction } from "@/lib/actions/outcomes";
import type { OutcomeKind, OutcomeSharing } from "@/lib/domain/outcomes";

export type OutcomeListItem = {
  id: number;
  kind: OutcomeKind;
  isEss: boolean;
  organisation: string | null;
  startsOn: string;
  startsOnLabel: string;
  sharing: OutcomeSharing;
  celebrationHref: string | null;
};

function WithdrawButton({ id }: { id: number }) {
  const t = useTranslations("outcomes");
  return (
    <JsonActionButton run={() => withdrawOutcomeAction({ id })} confirm={t("withdrawConfirm")} done={t("withdrawn")}>
      {t("withdraw")}
    </JsonActionButton>
  );
}

/** The member's own declarations, each with its sharing, its celebration, correct and withdraw. */
export function OutcomeList({ items }: { items: OutcomeListItem[] }) {
  const t = useTranslations("outcomes");
  if (!items.length) return <p className="text-muted">{t("mineEmpty")}</p>;
  return (
    <ul className="flex flex-col gap-3">
      {items.map((item) => (
        <li key={item.id} className="flex flex-col gap-2 rounded-2xl border border-line bg-white p-4 shadow-sm">
          <p className="flex flex-wrap items-center gap-2">
            <strong className="text-lg">{t(`kinds.${item.kind}`)}</strong>
            {item.isEss ? <Badge tone="success">{t("essBadge")}</Badge> : null}
            <Badge>{t(`sharingShort.${item.sharing}`)}</Badge>
          </p>
          <p className="text-sm text-muted">
            {[item.organisation, t("startedOn", { date: item.startsOnLabel })].filter(Boolean).join(" · ")}
          </p>
          <div className="flex flex-wrap items-center gap-3">
            {item.celebrationHref ? (
              <Link href={item.celebrationHref} className="font-semibold text-brand underline">
                {t("seeCelebration")}
              </Link>
            ) : null}
            <ButtonLink href={`/jai-trouve?corriger=${item.id}`} variant="secondary" size="sm">
              {t("correct")}
            </ButtonLink>
            <WithdrawButton id={item.id} />
          </div>
        </li>
      ))}
    </ul>
  );
}
