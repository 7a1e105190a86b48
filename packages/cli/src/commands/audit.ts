/** `evident audit verify`: recompute the audit hash chain; exit 1 and name the first broken event. */
import { verifyAudit } from "@evident/db";
import { withCommandDatabase } from "../database";
import { progressBar } from "../progress";

export async function runAudit(args: string[]): Promise<number> {
  if (args[0] !== "verify") {
    console.error("Usage: evident audit verify");
    return 2;
  }
  return withCommandDatabase("audit verify", async (database) => {
    const bar = progressBar("verifying audit chain");
    const result = await verifyAudit(database.db, (done, total) => bar.update(done, total));
    bar.done();
    console.log(JSON.stringify(result));
    if (!result.ok) {
      console.error(
        `audit chain broken at event ${result.firstBroken.seq} (${result.firstBroken.id}): ${result.firstBroken.reason}`,
      );
      return 1;
    }
    console.error(`audit chain intact: ${result.events} events`);
    return 0;
  });
}
