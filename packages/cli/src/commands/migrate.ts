/** `evident migrate`: apply the migrations (to the running server's cluster if one runs) and exit. */
import { withCommandDatabase } from "../database";

export async function runMigrate(): Promise<number> {
  // Opening the database applies the migrations, under a lock (db/src/connect.ts).
  const where = await withCommandDatabase("migrate", async (database) =>
    database.cluster?.attachedTo ? "embedded database of the running server" : `${database.mode} database`,
  );
  console.log(`migrations applied (${where})`);
  return 0;
}
