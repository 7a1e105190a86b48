/**
 * The de-identified research export, for the operator:
 *   evident export --format redcap|csv --out DIR [--cohort NAME [--cohort-version N]]
 * writes a REDCap project's files (data dictionary, events, instrument–event mapping, repeating
 * instruments, records) or tidy CSV files with a codebook into DIR (new or empty), of every
 * clinic through the system role, from one snapshot (so it runs beside a serving server), with a
 * progress bar on stderr; prints one JSON object {"files": [{name, sha256, bytes, rows}],
 * "patients": N, "suppressed": N}. Audited in each exported clinic's chain as the command line's
 * export, with the cohort and every file's SHA-256.
 *
 * `--cohort NAME` exports the latest version of the saved cohort of that name (any clinic's; a
 * name two clinics use is refused as ambiguous): its one-line definition with its version is
 * written to DIR/cohort.txt (listed with the files, with its checksum) and put in the audit event.
 * `--cohort-version N` picks that version instead of the latest. An unknown name exits 2 with
 * "no saved cohort named …"; a version the cohort does not have (or not a whole number ≥ 1, or
 * given without --cohort) exits 2 naming --cohort-version.
 */
import { access, constants, readdir, rm } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import {
  auditCommandExport,
  findSavedCohort,
  type ResearchFormat,
  researchFormats,
  tables,
  writeResearchExport,
} from "@evident/db";
import { toIsoDate } from "@evident/domain";
import { type CohortFilter, cohortLine, type SavedCohort } from "@evident/domain/research";
import { asc } from "drizzle-orm";
import { withCommandDatabase } from "../database";
import { progressBar } from "../progress";
import { cliActor } from "./accounts";

const usage =
  'usage: evident export --format redcap|csv --out DIR [--cohort "<saved cohort name>" [--cohort-version N]]';

function fail(message: string): number {
  console.log(JSON.stringify({ error: message }));
  console.error(`evident: ${message}`);
  return 2;
}

/** The problem with writing into `dir` (it must be new or empty, and writable), or null. */
async function outProblem(dir: string): Promise<string | null> {
  try {
    if ((await readdir(dir)).length > 0) return `--out ${dir} is not empty: give a new or empty directory`;
    await access(dir, constants.W_OK);
    return null;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") {
      try {
        await access(path.dirname(dir), constants.W_OK);
        return null;
      } catch {
        return `--out ${dir} cannot be created: its parent is missing or not writable`;
      }
    }
    if (code === "ENOTDIR") return `--out ${dir} is not a directory`;
    return `--out ${dir} is not writable`;
  }
}

export async function runExport(args: string[]): Promise<number> {
  let values: { format?: string; out?: string; cohort?: string; "cohort-version"?: string };
  try {
    ({ values } = parseArgs({
      args,
      options: {
        format: { type: "string" },
        out: { type: "string" },
        cohort: { type: "string" },
        "cohort-version": { type: "string" },
      },
    }));
  } catch (e) {
    return fail(`${(e as Error).message}; ${usage}`);
  }
  const problems: string[] = [];
  if (!values.format) problems.push("--format is required (redcap or csv)");
  else if (!researchFormats.includes(values.format as ResearchFormat))
    problems.push(`--format "${values.format}" is unknown: use redcap or csv`);
  if (!values.out) problems.push("--out is required");
  const version = values["cohort-version"];
  if (version !== undefined && values.cohort === undefined)
    problems.push("--cohort-version needs --cohort NAME");
  else if (version !== undefined && !/^[1-9][0-9]{0,8}$/.test(version))
    problems.push(`--cohort-version "${version}" must be a version number (1, 2, …)`);
  if (problems.length > 0 || !values.out) return fail(`${problems.join("; ")}; ${usage}`);
  const out = path.resolve(values.out);
  const dirProblem = await outProblem(out);
  if (dirProblem) return fail(dirProblem);
  const format = values.format as ResearchFormat;

  return withCommandDatabase("export", async (database) => {
    let filter: CohortFilter = {};
    let saved: SavedCohort | null = null;
    if (values.cohort !== undefined) {
      const found = await findSavedCohort(
        database.system.db,
        values.cohort,
        version === undefined ? undefined : Number(version),
      );
      if ("problem" in found)
        return fail(
          found.problem === "ambiguous"
            ? `the saved cohort name "${values.cohort}" is used by ${found.clinics?.length} clinics: rename one`
            : found.problem === "no-such-version"
              ? `--cohort-version ${version}: the saved cohort "${values.cohort}" has no version ${version}`
              : `no saved cohort named "${values.cohort}"`,
        );
      saved = found.found;
      filter = saved.filter;
    }
    const line = saved ? cohortLine(saved) : undefined;
    const clinicIds = (
      await database.system.db
        .select({ id: tables.clinics.id })
        .from(tables.clinics)
        .orderBy(asc(tables.clinics.createdAt))
    ).map((c) => c.id);
    const bar = progressBar(`export ${format}`);
    const now = new Date();
    let result: Awaited<ReturnType<typeof writeResearchExport>>;
    try {
      result = await writeResearchExport({
        pool: database.system.pool,
        scopedClinicId: null,
        clinicIds,
        filter,
        format,
        dir: out,
        cohortLine: line,
        today: toIsoDate(now),
        onProgress: (p) => bar.update(p.done, p.total),
      });
    } catch (e) {
      await rm(out, { recursive: true, force: true });
      throw e;
    }
    bar.done();
    for (const id of clinicIds)
      await auditCommandExport(
        database.system.db,
        id,
        cliActor(),
        {
          via: "command line",
          format,
          cohort: saved
            ? { name: saved.name, version: saved.version, id: saved.id, line, filter }
            : { name: null, filter },
          files: result.files.map((f) => ({ name: f.name, sha256: f.sha256 })),
          patients: result.patients,
          suppressed: result.suppressed,
        },
        new Date(),
        "research-export",
      );
    console.log(
      JSON.stringify({
        files: result.files.map((f) => ({ name: f.name, sha256: f.sha256, bytes: f.bytes, rows: f.rows })),
        patients: result.patients,
        suppressed: result.suppressed,
      }),
    );
    return 0;
  });
}
