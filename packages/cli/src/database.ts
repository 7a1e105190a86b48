/**
 * The database for a CLI command: DATABASE_URL's server, or the embedded cluster of
 * EVIDENT_DATA_DIR — the running server's when one owns it (the command uses it and leaves it
 * running), else a temporary one that this command owns until it ends (a server started
 * meanwhile refuses; another command waits). Messages go to stderr: stdout is for results.
 */
import { type Database, openDatabase } from "@evident/db";
import { type AppConfig, databaseConfig, loadConfig } from "@evident/server";

export async function openCommandDatabase(
  command: string,
  config: AppConfig = loadConfig(),
): Promise<Database> {
  return openDatabase({
    ...databaseConfig(config, (l) => console.error(l)),
    command: `evident ${command}`,
  });
}

/** Runs `fn` with the database open, and closes it (stopping only a cluster this command started). */
export async function withCommandDatabase<T>(command: string, fn: (db: Database) => Promise<T>): Promise<T> {
  const database = await openCommandDatabase(command);
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}
