"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { hidePostAction, unhidePostAction } from "@/lib/actions/moderation";
import { acceptAnswerAction, reportPostAction, unacceptAnswerAction } from "@/lib/actions/community";
import { useThreadExtras } from "@/components/questions/thread-extras";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { TextAreaField } from "@/components/ui/field";
import { useToast } from "@/components/ui/toast";
import type { PostView } from "@/lib/forum/views";
import { translateKey } from "@/lib/i18n/translate-key";

type Failure = { error: string; errorValues?: Record<string, string | number>; fieldErrors?: Record<string, string[]> };
type Dialogs = "report" | "hide" | null;

/**
 * A post's question and moderation buttons: accept as the answer (asker, facilitators), report
 * (members, others' posts), hide/show (facilitators). The server re-checks every one of them.
 */
export function PostTools({
  post,
  isOpening,
  onChange,
}: {
  post: PostView;
  isOpening?: boolean;
  onChange: (post: PostView) => void;
}) {
  const extras = useThreadExtras();
  const t = useTranslations("moderation");
  const tQa = useTranslations("qa");
  const tMessages = useTranslations("messages");
  const tRoot = useTranslations();
  const toast = useToast();
  const router = useRouter();
  const [dialog, setDialog] = useState<Dialogs>(null);
  const [reason, setReason] = useState("");
  const [failure, setFailure] = useState<Failure | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  if (!extras || post.isDeleted) return null;

  const isAccepted = extras.acceptedAnswer?.id === post.id;
  const canAccept = extras.isQuestion && extras.canAccept && !isOpening && !post.isHidden;
  // Facilitators hide directly rather than report to themselves.
  const canReport =
    extras.canReport &&
    !extras.canModerate &&
    extras.viewerId !== null &&
    post.author.id !== extras.viewerId &&
    !post.isHidden;

  const close = () => {
    setDialog(null);
    setReason("");
    setFailure(null);
  };

  const toggleAccepted = async () => {
    setIsBusy(true);
    const result = isAccepted
      ? await unacceptAnswerAction({ threadId: extras.threadId })
      : await acceptAnswerAction({ postId: post.id });
    setIsBusy(false);
    if (!result.ok) return toast.show(translateKey(tRoot, result.error, result.errorValues), "error");
    extras.setAcceptedAnswer(isAccepted ? null : post);
    toast.show(isAccepted ? tQa("unaccepted") : tQa("accepted"));
    router.refresh();
  };

  const submit = async () => {
    setIsBusy(true);
    setFailure(null);
    const result =
      dialog === "report"
        ? await reportPostAction({ postId: post.id, reason })
        : await hidePostAction({ postId: post.id, reason });
    setIsBusy(false);
    if (!result.ok) return setFailure(result);
    if (dialog === "hide")
      onChange({ ...post, isHidden: true, hiddenReason: reason.trim(), canEdit: false, canReact: false });
    toast.show(dialog === "report" ? t("reported") : t("hidden"));
    close();
  };

  const unhide = async () => {
    setIsBusy(true);
    const result = await unhidePostAction({ postId: post.id });
    setIsBusy(false);
    if (!result.ok) return toast.show(translateKey(tRoot, result.error, result.errorValues), "error");
    onChange({
      ...post,
      isHidden: false,
      hiddenReason: null,
      canEdit: post.author.id === extras.viewerId,
      canReact: true,
    });
    toast.show(t("unhidden"));
  };

  const canWriteToAuthor = extras.canMessage === true && extras.viewerId !== null && post.author.id !== extras.viewerId;
  const reasonErrors = failure?.fieldErrors?.reason?.map((key) => translateKey(tRoot, key));
  return (
    <>
      {canAccept ? (
        <Button
          size="sm"
          variant={isAccepted ? "secondary" : "ghost"}
          onClick={() => void toggleAccepted()}
          disabled={isBusy}
        >
          {isAccepted ? tQa("unaccept") : tQa("accept")}
        </Button>
      ) : null}
      {canWriteToAuthor ? (
        <Link
          href={`/messages/new?to=${post.author.id}`}
          className="inline-flex min-h-8 items-center rounded-lg px-2.5 text-sm font-semibold text-teal hover:bg-sand pointer-coarse:min-h-11"
        >
          {tMessages("writeFromPost", { name: post.author.name })}
        </Link>
      ) : null}
      {canReport ? (
        <Button size="sm" variant="ghost" onClick={() => setDialog("report")}>
          {t("report")}
        </Button>
      ) : null}
      {extras.canModerate && !post.isHidden ? (
        <Button size="sm" variant="ghost" onClick={() => setDialog("hide")}>
          {t("hide")}
        </Button>
      ) : null}
      {extras.canModerate && post.isHidden ? (
        <Button size="sm" variant="ghost" onClick={() => void unhide()} disabled={isBusy}>
          {t("unhide")}
        </Button>
      ) : null}
      {/* Mounted only while open: one dialog per post would repeat its heading id on the page. */}
      {dialog ? (
        <Dialog open onClose={close} title={dialog === "hide" ? t("hideTitle") : t("reportTitle")}>
          <form
            className="flex flex-col gap-4"
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              void submit();
            }}
          >
            {dialog === "report" ? <p className="text-sm text-muted">{t("reportHint")}</p> : null}
            {failure && failure.error !== "errors.invalid_form" ? (
              <p role="alert" className="text-sm font-medium text-danger">
                {translateKey(tRoot, failure.error, failure.errorValues)}
              </p>
            ) : null}
            <TextAreaField
              id={`reason-${post.id}`}
              label={dialog === "hide" ? t("hideReason") : t("reportReason")}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
              maxLength={500}
              required
              errors={reasonErrors}
            />
            <div className="flex justify-end gap-2">
              <Button variant="secondary" onClick={close}>
                {t("cancel")}
              </Button>
              <Button type="submit" variant={dialog === "hide" ? "danger" : "primary"} disabled={isBusy}>
                {dialog === "hide" ? t("hide") : t("sendReport")}
              </Button>
            </div>
          </form>
        </Dialog>
      ) : null}
    </>
  );
}
