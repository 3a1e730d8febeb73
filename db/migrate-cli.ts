import { runWithDb } from "./cli";

void runWithDb(async (handle) => {
  console.info(`Migrations applied (${handle.driver}).`);
});
