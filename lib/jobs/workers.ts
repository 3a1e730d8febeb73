import { deliverNotificationJob } from "@/lib/notifications/deliver";
import { planDigestsJob, sendDigestJob } from "@/lib/notifications/digest";
import { nudgeJob } from "@/lib/rhythm/nudges";
import { activityRemindersJob } from "@/lib/rhythm/reminders";
import { dataExportJob } from "@/lib/data-ownership/export";
import { storageDeleteJob } from "@/lib/data-ownership/storage-cleanup";
import { retentionJob } from "@/lib/data-ownership/retention";
import { networkRefreshJob } from "@/lib/network/refresh-job";
import { surveyJob } from "@/lib/outcomes/survey";
import type { AnyJobDefinition } from "./queue";

/**
 * Every job the app's instances run, with its queue settings and schedule. A new kind of
 * background work adds its payload to `JobPayloads` (types.ts) and its definition here.
 */
export const JOB_DEFINITIONS: readonly AnyJobDefinition[] = [
  deliverNotificationJob,
  planDigestsJob,
  sendDigestJob,
  activityRemindersJob,
  nudgeJob,
  storageDeleteJob,
  dataExportJob,
  retentionJob,
  networkRefreshJob,
  surveyJob,
];
