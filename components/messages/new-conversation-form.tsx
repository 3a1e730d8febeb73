"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { LazyComposer } from "@/components/forum/lazy-composer";
import { Alert } from "@/components/ui/alert";
import { TextField } from "@/components/ui/field";
import { startConversationAction } from "@/lib/actions/messages";
import { MAX_CONVERSATION_PARTICIPANTS } from "@/lib/domain/conversations";
import { MemberSearch, type MemberMatch } from "./member-search";

export type Recipient = {
  id: string;
  name: string;
  role: string;
  canWrite: boolean;
  isBlockedByMe: boolean;
  availabilityNote: string;
};

/**
 * Writes a first message to one person (or a group up to 8): who it goes to, each one's
 * availability note, and the rich-text composer used for posts.
 */
export function NewConversationForm({
  viewerId,
  initialRecipients,
  existingName,
}: {
  viewerId: string;
  initialRecipients: Recipient[];
  existingName: string | null;
}) {
  const t = useTranslations("messages");
  const router = useRouter();
  const searchId = useId();
  const [recipients, setRecipients] = useState(initialRecipients);
  const [title, setTitle] = useState("");
  const writable = recipients.filter((recipient) => recipient.canWrite);
  const isFull = recipients.length + 1 >= MAX_CONVERSATION_PARTICIPANTS;

  const add = (match: MemberMatch) => {
    if (match.id === viewerId || recipients.some((recipient) => recipient.id === match.id)) return;
    // Whether they may be written to is checked by the server when sending.
    setRecipients((current) => [
      ...current,
      { id: match.id, name: match.name, role: "member", canWrite: true, isBlockedByMe: false, availabilityNote: "" },
    ]);
  };

  return (
    <div className="flex flex-col gap-4">
      <section
        aria-labelledby={`${searchId}-to`}
        className="flex flex-col gap-2 rounded-2xl border border-line bg-white p-4"
      >
        <h2 id={`${searchId}-to`} className="font-bold">
          {t("to")}
        </h2>
        <ul className="flex flex-wrap gap-2">
          {recipients.map((recipient) => (
            <li key={recipient.id} className="flex items-center gap-1 rounded-full bg-sand px-3 py-1 text-sm">
              <span className="font-semibold">{recipient.name}</span>
              <button
                type="button"
                className="rounded-full px-1 text-muted hover:text-ink"
                aria-label={t("remove", { name: recipient.name })}
                onClick={() => setRecipients((current) => current.filter((other) => other.id !== recipient.id))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
        {recipients.map((recipient) =>
          !recipient.canWrite ? (
            <Alert key={recipient.id} tone="info">
              {recipient.isBlockedByMe
                ? t("blockedNotice", { name: recipient.name })
                : t("closed", { name: recipient.name })}
            </Alert>
          ) : recipient.availabilityNote ? (
            <p key={recipient.id} className="text-sm text-muted" data-testid="availability-note">
              {t("availability", { name: recipient.name, note: recipient.availabilityNote })}
            </p>
          ) : null,
        )}
        {existingName && recipients.length === 1 ? (
          <p className="text-sm text-muted">{t("alreadyTalking", { name: existingName })}</p>
        ) : null}
        {!isFull ? <MemberSearch id={`${searchId}-search`} label={t("addPerson")} onPick={add} /> : null}
        {recipients.length > 1 ? (
          <TextField
            id={`${searchId}-title`}
            label={t("groupTitle")}
            value={title}
            maxLength={80}
            onChange={(event) => setTitle(event.target.value)}
          />
        ) : null}
      </section>
      {writable.length > 0 && writable.length === recipients.length ? (
        <LazyComposer
          mode="reply"
          editorId="new-message"
          label={t("composerLabel")}
          submitLabel={t("send")}
          onSubmit={async ({ body, idempotencyKey }) => {
            const result = await startConversationAction({
              participantIds: recipients.map((recipient) => recipient.id),
              title: title || undefined,
              body,
              idempotencyKey,
            });
            if (!result.ok) {
              const participantError = result.fieldErrors?.participantIds?.[0];
              return participantError ? { ok: false, error: participantError } : result;
            }
            router.push(result.data.path);
            return { ok: true };
          }}
        />
      ) : null}
    </div>
  );
}
