import "server-only";
import { defineJob } from "@/lib/jobs/types";
import { refreshAllNetworkSources } from "./service";

/** Every 30 minutes: followed communities' offers are read again (new ones in, filled or expired ones out). */
export const networkRefreshJob = defineJob({
  name: "network.refresh",
  queue: { policy: "stately", retryLimit: 1, retryDelay: 300, expireInSeconds: 900 },
  schedule: { cron: "*/30 * * * *" },
  handle: async (_data, { db }) => {
    await refreshAllNetworkSources(db);
  },
});
