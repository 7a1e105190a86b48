/**
 * `evident quality [--clinic NAME]`: runs every data-quality rule (domain/quality) now, stores the
 * run like the nightly one (db/repos/quality.ts, audited as the command line's), and prints one
 * JSON object:
 *
 *   {"asOf", "clinics": [{"name", "patientsChecked"}],
 *    "rules": [{"id", "title", "description", "count", "clinics": [{"name", "count"}]}]}
 *
 * `count` is the sum over the clinics checked (every clinic, or the one named), and each rule's
 * `clinics` gives the count per clinic by name. Counts only: the records are on the staff's page.
 * Runs as the system role through the running server's database when there is one.
 */
import { parseArgs } from "node:util";
import { findClinicByName, runQualityChecks, tables } from "@evident/db";
import { qualityRules } from "@evident/domain/quality";
import { withCommandDatabase } from "../database";
import { cliActor } from "./accounts";

const usage = 'usage: evident quality [--clinic "<clinic name>"]';

function fail(message: string): number {
  console.log(JSON.stringify({ error: message }));
  console.error(`evident: ${message}`);
  return 2;
}

export async function runQuality(args: string[]): Promise<number> {
  let values: { clinic?: string };
  try {
    ({ values } = parseArgs({ args, options: { clinic: { type: "string" } }, allowPositionals: false }));
  } catch (e) {
    return fail(`${(e as Error).message}; ${usage}`);
  }
  if (values.clinic !== undefined && values.clinic.trim() === "")
    return fail(`--clinic needs a name; ${usage}`);
  return withCommandDatabase("quality", async (database) => {
    const clinic = values.clinic ? await findClinicByName(database.system.db, values.clinic) : null;
    if (values.clinic && !clinic) return fail(`no clinic named "${values.clinic}"`);
    const names = new Map(
      (
        await database.system.db
          .select({ id: tables.clinics.id, name: tables.clinics.name })
          .from(tables.clinics)
      ).map((c) => [c.id, c.name]),
    );
    const actorId = cliActor().actorId ?? "evident cli";
    const now = new Date();
    const runs = await runQualityChecks(database.system.db, {
      now,
      trigger: "command-line",
      actor: { kind: "system", id: actorId },
      ...(clinic ? { clinicIds: [clinic.id] } : {}),
    });
    const nameOf = (id: string) => names.get(id) ?? id;
    console.log(
      JSON.stringify({
        asOf: now.toISOString(),
        clinics: runs.map((r) => ({ name: nameOf(r.clinicId), patientsChecked: r.patientsChecked })),
        rules: qualityRules.map((rule) => ({
          id: rule.id,
          title: rule.title,
          description: rule.description,
          count: runs.reduce((n, r) => n + r.counts[rule.id], 0),
          clinics: runs.map((r) => ({ name: nameOf(r.clinicId), count: r.counts[rule.id] })),
        })),
      }),
    );
    return 0;
  });
}
