import { parseFlags, runWithDb } from "./cli";
import { seedDemoContent, seedIfEmpty } from "./seed";

// `npm run seed` fills an empty database; `npm run seed -- --force` adds demo content to one in use.
void runWithDb(async ({ db, driver }) => {
  const isForced = parseFlags(process.argv.slice(2)).force === true;
  if (isForced) {
    await seedDemoContent(db);
    console.info(`Demo content added (${driver}).`);
  } else if (await seedIfEmpty(db)) {
    console.info(`Demo content created (${driver}).`);
  } else {
    console.info(
      "The database already has accounts: nothing seeded. Use `npm run seed -- --force` to add demo content anyway.",
    );
  }
});
