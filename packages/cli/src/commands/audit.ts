/**
 * `evident audit verify`: recompute every audit chain with the key and hold it against every
 * anchor; one JSON object on stdout (`ok`, `events`, and as before `firstBroken` with the first
 * broken event's `seq`, `id` and `reason`, plus the chains, the anchors and every break), exit 1
 * if anything is broken.
 * `evident audit anchor`: append an anchor of the chains' heads now (the server does so every
 * minute and at shutdown).
 */
import { anchorAudit, verifyDatabaseAudit } from "@evident/db";
import { withCommandDatabase } from "../database";
import { progressBar } from "../progress";

const usage = `Usage: evident audit verify    check every audit chain and every anchor; exit 1 if broken
       evident audit anchor    write an anchor of the audit chains now`;

export async function runAudit(args: string[]): Promise<number> {
  const sub = args[0];
  if ((sub !== "verify" && sub !== "anchor") || args.length > 1) {
    console.error(usage);
    return 2;
  }
  return withCommandDatabase(`audit ${sub}`, async (database) => {
    if (sub === "anchor") {
      const { file, anchor } = await anchorAudit(database);
      const chains = Object.values(anchor.chains);
      console.log(
        JSON.stringify({
          file,
          at: anchor.at,
          chains: chains.length,
          events: chains.reduce((s, c) => s + c.events, 0),
        }),
      );
      console.error(`anchor written to ${file}`);
      return 0;
    }
    const bar = progressBar("verifying audit chains");
    const result = await verifyDatabaseAudit(database, (done, total) => bar.update(done, total));
    bar.done();
    console.log(JSON.stringify(result));
    for (const w of result.warnings) console.error(`warning: ${w}`);
    if (!result.ok) {
      for (const b of result.broken) {
        const where =
          b.chain === null
            ? "anchor file"
            : `chain ${b.clinicId ? `of clinic ${b.clinicId}` : "without a clinic"}, event ${b.chainSeq}${b.id ? ` (row ${b.seq}, ${b.id})` : ""}`;
        console.error(`audit trail broken: ${where}: ${b.reason}`);
      }
      return 1;
    }
    console.error(
      `audit trail intact: ${result.events} events in ${result.chains.length} chain(s), checked against ${result.anchors.count} anchor(s)`,
    );
    return 0;
  });
}
