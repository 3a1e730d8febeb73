"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { addPeopleAction } from "@/lib/actions/messages";
import { MAX_CONVERSATION_PARTICIPANTS } from "@/lib/domain/conversations";
import { MemberSearch, type MemberMatch } from "./member-search";

/** A group's participants add people later, up to 8 in all (the server checks who may be added). */
export function AddPeopleForm({
  conversationId,
  participantIds,
}: {
  conversationId: number;
  participantIds: string[];
}) {
  const t = useTranslations("messages");
  const router = useRouter();
  const id = useId();
  const [chosen, setChosen] = useState<MemberMatch[]>([]);
  const [status, setStatus] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const room = MAX_CONVERSATION_PARTICIPANTS - participantIds.length - chosen.length;

  if (participantIds.length >= MAX_CONVERSATION_PARTICIPANTS) {
    return <p className="text-sm text-muted">{t("add.full")}</p>;
  }
  return (
    <details className="rounded-2xl border border-line bg-white p-3">
      <summary className="cursor-pointer font-semibold">{t("add.title")}</summary>
      <div className="mt-3 flex flex-col gap-2">
        {chosen.length > 0 ? (
          <ul className="flex flex-wrap gap-2">
            {chosen.map((person) => (
              <li key={person.id} className="flex items-center gap-1 rounded-full bg-sand px-3 py-1 text-sm">
                <span className="font-semibold">{person.name}</span>
                <button
                  type="button"
                  className="rounded-full px-1 text-muted hover:text-ink"
                  aria-label={t("remove", { name: person.name })}
                  onClick={() => setChosen((current) => current.filter((other) => other.id !== person.id))}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        ) : null}
        {room > 0 ? (
          <MemberSearch
            id={`${id}-search`}
            label={t("addPerson")}
            onPick={(match) => {
              if (participantIds.includes(match.id) || chosen.some((person) => person.id === match.id)) return;
              setChosen((current) => [...current, match]);
            }}
          />
        ) : null}
        {status ? <Alert tone={status.tone}>{status.text}</Alert> : null}
        <Button
          size="sm"
          className="self-start"
          disabled={chosen.length === 0}
          onClick={async () => {
            const result = await addPeopleAction({ conversationId, participantIds: chosen.map((person) => person.id) });
            if (!result.ok) {
              setStatus({ tone: "error", text: result.fieldErrors?.participantIds?.[0] ?? result.error });
              return;
            }
            setChosen([]);
            setStatus({ tone: "success", text: t("add.added", { count: result.data.added }) });
            router.refresh();
          }}
        >
          {t("add.submit")}
        </Button>
      </div>
    </details>
  );
}
