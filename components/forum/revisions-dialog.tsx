"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { listRevisionsAction } from "@/lib/actions/forum";
import { Dialog } from "@/components/ui/dialog";

export type Revision = { version: number; bodyHtml: string; createdAt: string };

/** Loads a post's earlier versions (the default when no other loader is given). */
const postRevisions = (postId: number) => async (): Promise<Revision[]> => {
  const result = await listRevisionsAction({ postId });
  return result.ok ? result.data.revisions : [];
};

/**
 * The "modifié" marker: opens the earlier versions of a post, or of anything else edited with
 * history (a private message) through `loadRevisions`.
 */
export function RevisionsButton({
  postId,
  editedAt,
  loadRevisions,
}: {
  postId?: number;
  editedAt: string;
  loadRevisions?: () => Promise<Revision[]>;
}) {
  const t = useTranslations("forum");
  const format = useFormatter();
  const [revisions, setRevisions] = useState<Revision[] | null>(null);
  const [isOpen, setIsOpen] = useState(false);
  const open = async () => {
    setIsOpen(true);
    const load = loadRevisions ?? (postId !== undefined ? postRevisions(postId) : async () => []);
    setRevisions(await load().catch(() => []));
  };
  return (
    <>
      <button
        type="button"
        onClick={() => void open()}
        className="text-sm text-muted underline decoration-dotted hover:text-ink"
        title={format.dateTime(new Date(editedAt), { dateStyle: "medium", timeStyle: "short" })}
      >
        {t("edited")}
      </button>
      <Dialog open={isOpen} onClose={() => setIsOpen(false)} title={t("previousVersions")}>
        {revisions === null ? (
          <p className="text-muted">{t("loading")}</p>
        ) : revisions.length === 0 ? (
          <p className="text-muted">{t("noPreviousVersions")}</p>
        ) : (
          <ol className="flex max-h-[60vh] flex-col gap-4 overflow-y-auto">
            {[...revisions].reverse().map((revision) => (
              <li key={revision.version} className="rounded-lg border border-line p-3">
                <p className="mb-2 text-sm font-semibold text-muted">
                  {t("versionOf", {
                    version: revision.version,
                    date: format.dateTime(new Date(revision.createdAt), { dateStyle: "medium", timeStyle: "short" }),
                  })}
                </p>
                {/* Rendered on the server from allow-listed JSON at write time. */}
                <div className="prose-post" dangerouslySetInnerHTML={{ __html: revision.bodyHtml }} />
              </li>
            ))}
          </ol>
        )}
        <div className="mt-4 flex justify-end">
          <button
            type="button"
            onClick={() => setIsOpen(false)}
            className="rounded-lg border border-line px-4 py-2 font-semibold hover:bg-sand"
          >
            {t("close")}
          </button>
        </div>
      </Dialog>
    </>
  );
}
