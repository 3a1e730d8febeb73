"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextAreaField, TextField } from "@/components/ui/field";
import { sendJson } from "./send-json";

/**
 * `criteria`: the rubric in effect (the programme's, lib/reviews/feedback `loadRubric`), labels
 * already in the reader's language. `labelledBy`: the id of the visible title the form sits
 * under (e.g. its disclosure's summary).
 */
type Props = { threadId: number; criteria: readonly RubricCriterion[]; labelledBy: string };
type RubricCriterion = { id: string; label: string; hint: string };
type Entry = { score: number | null; comment: string };

/** Scores 1–4 per criterion (radio groups), optional comments, free text. State survives a refusal. */
export function RubricForm({ threadId, criteria: rubric, labelledBy }: Props) {
  const t = useTranslations("review");
  const criteria = rubric.map((criterion) => criterion.id);
  const byId = new Map(rubric.map((criterion) => [criterion.id, criterion]));
  const router = useRouter();
  const [entries, setEntries] = useState<Record<string, Entry>>(() =>
    Object.fromEntries(criteria.map((criterion) => [criterion, { score: null, comment: "" }])),
  );
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  const [isSending, setIsSending] = useState(false);
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());
  const label = (criterion: string) => byId.get(criterion)?.label ?? criterion;
  const update = (criterion: string, patch: Partial<Entry>) =>
    setEntries((old) => ({ ...old, [criterion]: { ...old[criterion]!, ...patch } }));

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    setSent(false);
    if (criteria.some((criterion) => entries[criterion]!.score === null)) {
      setError(t("scoreAll"));
      return;
    }
    setIsSending(true);
    const scores = Object.fromEntries(
      criteria.map((criterion) => [
        criterion,
        { score: entries[criterion]!.score, comment: entries[criterion]!.comment || undefined },
      ]),
    );
    const result = await sendJson(`/api/v1/reviews/${threadId}/feedback`, "POST", { scores, text, idempotencyKey });
    setIsSending(false);
    if (!result.ok) return setError(result.message ?? t("networkError"));
    setEntries(Object.fromEntries(criteria.map((criterion) => [criterion, { score: null, comment: "" }])));
    setText("");
    setIdempotencyKey(crypto.randomUUID());
    setSent(true);
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" aria-labelledby={labelledBy}>
      <p className="text-sm text-muted">{t("rubricIntro")}</p>
      {criteria.map((criterion) => (
        <fieldset key={criterion} className="flex flex-col gap-2 rounded-xl border border-line p-3">
          <legend className="px-1 text-sm font-semibold">{label(criterion)}</legend>
          {byId.get(criterion)?.hint ? (
            <p id={`hint-${criterion}`} className="text-sm text-muted">
              {byId.get(criterion)!.hint}
            </p>
          ) : null}
          <div className="flex flex-wrap gap-2">
            {[1, 2, 3, 4].map((score) => (
              <label
                key={score}
                className="flex min-h-11 min-w-11 cursor-pointer items-center justify-center gap-1 rounded-lg border border-line px-3 has-[:checked]:border-teal has-[:checked]:bg-teal-soft has-[:focus-visible]:outline has-[:focus-visible]:outline-teal"
              >
                <input
                  type="radio"
                  name={`score-${criterion}`}
                  value={score}
                  checked={entries[criterion]!.score === score}
                  onChange={() => update(criterion, { score })}
                  className="accent-teal"
                  aria-label={t("scoreLevel", { score })}
                />
                <span aria-hidden="true">{score}</span>
              </label>
            ))}
          </div>
          <TextField
            id={`comment-${criterion}`}
            label={t("criterionComment", { criterion: label(criterion) })}
            value={entries[criterion]!.comment}
            onChange={(event) => update(criterion, { comment: event.target.value })}
            maxLength={1000}
          />
        </fieldset>
      ))}
      <p className="text-xs text-muted">{t("scoreHints")}</p>
      <TextAreaField
        id="feedback-text"
        label={t("freeText")}
        value={text}
        onChange={(event) => setText(event.target.value)}
        rows={4}
        maxLength={5000}
      />
      {error ? <Alert tone="error">{error}</Alert> : null}
      {sent ? <Alert tone="success">{t("feedbackSent")}</Alert> : null}
      <div className="flex justify-end">
        <Button type="submit" disabled={isSending}>
          {t("submitFeedback")}
        </Button>
      </div>
    </form>
  );
}
