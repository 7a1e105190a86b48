/**
 * `evident summaries rebuild`: recompute every outcome summary from the registry (after a bulk
 * load, or to be sure); `evident summaries check`: apply what is queued, then compare every stored
 * summary row with a full rebuild made in a transaction that is rolled back — exit 1 naming the
 * tables that differ. One JSON object on stdout each.
 */
import { checkSummaries, rebuildSummaries } from "@evident/db";
import { withCommandDatabase } from "../database";

const usage = `Usage: evident summaries rebuild   recompute every outcome summary
       evident summaries check     compare the stored summaries with a full rebuild; exit 1 if they differ`;

export async function runSummaries(args: string[]): Promise<number> {
  const sub = args[0];
  if ((sub !== "rebuild" && sub !== "check") || args.length > 1) {
    console.error(usage);
    return 2;
  }
  return withCommandDatabase(`summaries ${sub}`, async (database) => {
    if (sub === "rebuild") {
      const result = await rebuildSummaries(database.system.db, {
        progress: (step) => console.error(`building ${step}…`),
        pool: database.system.pool,
      });
      console.log(JSON.stringify(result));
      return 0;
    }
    const result = await checkSummaries(database.system.db);
    console.log(JSON.stringify(result));
    if (!result.ok) console.error(`summaries differ from a rebuild: ${result.differing.join(", ")}`);
    return result.ok ? 0 : 1;
  });
}
