import { openDatabase } from "@evident/db";
import { databaseConfig, loadConfig } from "@evident/server";

export async function runMigrate(): Promise<number> {
  const database = await openDatabase(databaseConfig(loadConfig(), (l) => console.error(l)));
  await database.close();
  console.log(`migrations applied (${database.mode} database)`);
  return 0;
}
