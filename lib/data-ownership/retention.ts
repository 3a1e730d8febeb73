import "server-only";
import { deleteExpiredExports } from "@/db/queries/data-exports";
import { eraseAccount } from "@/db/queries/erasure";
import {
  expireOldDocuments,
  listDocumentsToRemind,
  listInactiveToAnonymise,
  listInactiveToRemind,
  markDocumentReminded,
  markInactivityReminded,
  purgeOldRateLimitEvents,
} from "@/db/queries/retention";
import type { Db } from "@/db";
import { defineJob } from "@/lib/jobs/types";
import { sendMail } from "@/lib/mail";
import { accountKey } from "@/lib/rate-limit";
import { threadPath } from "@/lib/slug";
import { absoluteUrl } from "@/lib/urls";
import { scheduleStorageDeletion } from "./storage-cleanup";

/** Calendar months back from `now` (UTC): 23 months before 2026-12-01 is 2025-01-01. */
export function monthsBefore(now: Date, months: number): Date {
  const date = new Date(now);
  date.setUTCMonth(date.getUTCMonth() - months);
  return date;
}

/** The retention periods (README "Retention"; the privacy page says the same in French). */
export const RETENTION = {
  documentReminderMonths: 23,
  documentDeleteMonths: 24,
  rateLimitMonths: 12,
  inactiveReminderMonths: 36,
  inactiveAnonymiseMonths: 37,
} as const;

export type RetentionReport = {
  documentsReminded: number;
  documentsExpired: number;
  rateLimitRowsPurged: number;
  accountsReminded: number;
  accountsAnonymised: number;
  exportsDeleted: number;
};

/**
 * One pass of the retention rules at `now`. Idempotent: each reminder is marked once sent, each
 * deletion leaves nothing for the next pass, so reruns (and a retried job) change nothing more.
 */
export async function runRetention(db: Db, now = new Date()): Promise<RetentionReport> {
  let documentsReminded = 0;
  for (const doc of await listDocumentsToRemind(db, {
    before: monthsBefore(now, RETENTION.documentReminderMonths),
  })) {
    const isSent = await sendMail(doc, {
      kind: "retention.document",
      namespace: "retentionEmail",
      compose: (t) => ({
        subject: t("documentSubject"),
        text: t("documentBody", {
          name: doc.name,
          title: doc.title,
          url: absoluteUrl(threadPath(doc.channelSlug, { id: Number(doc.threadId), slug: doc.slug })),
        }),
      }),
    });
    if (!isSent) continue; // mail server down: the next pass tries again
    await markDocumentReminded(db, { threadId: doc.threadId, at: now });
    documentsReminded += 1;
  }

  const expired = await expireOldDocuments(db, {
    before: monthsBefore(now, RETENTION.documentDeleteMonths),
    at: now,
  });
  await scheduleStorageDeletion(expired.storageKeys);

  const rateLimitRowsPurged = await purgeOldRateLimitEvents(db, {
    before: monthsBefore(now, RETENTION.rateLimitMonths),
  });

  let accountsReminded = 0;
  for (const account of await listInactiveToRemind(db, {
    before: monthsBefore(now, RETENTION.inactiveReminderMonths),
  })) {
    const isSent = await sendMail(account, {
      kind: "retention.inactive",
      namespace: "retentionEmail",
      compose: (t) => ({
        subject: t("inactiveSubject"),
        text: t("inactiveBody", { name: account.name, url: absoluteUrl("/sign-in") }),
      }),
    });
    if (!isSent) continue;
    await markInactivityReminded(db, { userId: account.id, at: now });
    accountsReminded += 1;
  }

  let accountsAnonymised = 0;
  for (const account of await listInactiveToAnonymise(db, {
    before: monthsBefore(now, RETENTION.inactiveAnonymiseMonths),
    remindedBefore: monthsBefore(now, RETENTION.inactiveAnonymiseMonths - RETENTION.inactiveReminderMonths),
  })) {
    const result = await eraseAccount(db, {
      userId: account.id,
      actorId: account.id,
      mode: "anonymise",
      reason: null,
      origin: "retention",
      rateLimitKeys: [accountKey(account.email)],
    });
    if (!result) continue;
    await scheduleStorageDeletion(result.storageKeys);
    accountsAnonymised += 1;
  }

  const exportKeys = await deleteExpiredExports(db, { now });
  await scheduleStorageDeletion(exportKeys);

  return {
    documentsReminded,
    documentsExpired: expired.threadIds.length,
    rateLimitRowsPurged,
    accountsReminded,
    accountsAnonymised,
    exportsDeleted: exportKeys.length,
  };
}

/** Job `data.retention`: every night at 03:30 Paris time, one run at a time. */
export const retentionJob = defineJob({
  name: "data.retention",
  queue: { policy: "stately", retryLimit: 2, retryDelay: 600, expireInSeconds: 1800 },
  schedule: { cron: "30 3 * * *", tz: "Europe/Paris" },
  handle: async (_data, { db }) => {
    const report = await runRetention(db);
    console.info(`[retention] ${JSON.stringify(report)}`);
  },
});
