import { openDatabase } from "@evident/db";
import { loadConfig } from "@evident/server";

export async function runMigrate(): Promise<number> {
  const config = loadConfig();
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    embeddedPort: config.embeddedPgPort,
    log: (l) => console.error(l),
  });
  await database.close();
  console.log(`migrations applied (${database.mode} database)`);
  return 0;
}
