/**
 * The de-identified research export's engine (REDCap project files or tidy CSV with a codebook),
 * built like the Bulk Data export: one REPEATABLE READ, read-only snapshot; the cohort read
 * through a server-side cursor in batches, each batch's treatments, answers and adverse events
 * read by patient id; every file written as it grows. Memory holds a batch, the k-anonymity
 * classes and the set of study ids made so far, whatever the registry's size.
 *
 * De-identification (domain/research/deidentify.ts): no identifier is ever selected; dates become
 * days from the index treatment; ages over 89 are "90+"; study ids are random for each export
 * (CSPRNG, unique within it); clinics are coded C1… in a random order per export; every
 * equivalence class of (age band, sex, condition, clinic) under K_ANONYMITY patients is left out
 * whole before any row is written, and counted.
 */
import { randomBytes, randomInt } from "node:crypto";
import { mkdir } from "node:fs/promises";
import { type CohortFilter, classKey, smallClasses } from "@evident/domain/research";
import type pg from "pg";
import { withSnapshot } from "../tenancy";
import { cohortQuery } from "./cohort-sql";
import { type WrittenFile, writeTextFile } from "./csv-file";
import { type CohortRow, loadPatients } from "./patients";
import { redcapSink, type Sink, tidySink } from "./sinks";

export { type CohortQuery, cohortQuery } from "./cohort-sql";
export type { WrittenFile } from "./csv-file";
export type ResearchFormat = "redcap" | "csv";
export const researchFormats: readonly ResearchFormat[] = ["redcap", "csv"];

export type ResearchExportOptions = {
  pool: pg.Pool;
  /** The clinic whose setting the snapshot carries (the app's pool); null for the system pool. */
  scopedClinicId: string | null;
  /** Clinics the export may read (the scoped clinic, or every clinic for the system role). */
  clinicIds: readonly string[];
  filter: CohortFilter;
  format: ResearchFormat;
  dir: string;
  /** The export's day (YYYY-MM-DD): survival is censored there. */
  today: string;
  batchSize?: number;
  /** A saved cohort's one-line definition: written to cohort.txt and listed with the files. */
  cohortLine?: string;
  signal?: AbortSignal;
  onProgress?: (p: { done: number; total: number }) => void | Promise<void>;
};

export type ResearchExportResult = { files: WrittenFile[]; patients: number; suppressed: number };

export class ResearchExportCancelled extends Error {
  constructor() {
    super("the export was cancelled");
    this.name = "AbortError";
  }
}

/** A study id: 48 random bits, unique within the export. */
function studyIds(): () => string {
  const made = new Set<string>();
  return () => {
    for (;;) {
      const id = `S${randomBytes(6).toString("hex")}`;
      if (!made.has(id)) {
        made.add(id);
        return id;
      }
    }
  };
}

function shuffled<T>(xs: readonly T[]): T[] {
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

type ClassRow = { age_band: string; sex: string; condition: string; clinic_id: string; n: number };

export async function writeResearchExport(o: ResearchExportOptions): Promise<ResearchExportResult> {
  const batchSize = o.batchSize ?? 1000;
  await mkdir(o.dir, { recursive: true, mode: 0o700 });
  return withSnapshot(o.pool, o.scopedClinicId, async (client) => {
    await client.query("set local cursor_tuple_fraction = 1");
    // An export never holds a patient who withdrew research consent.
    const q = cohortQuery(o.clinicIds, o.filter, true);
    const classes = (
      await client.query<ClassRow>({
        text: `${q.text} select age_band, sex, condition, clinic_id, count(*)::int as n from cohort group by 1, 2, 3, 4`,
        values: q.values,
      })
    ).rows.map((r) => ({
      ageBand: r.age_band,
      sex: r.sex,
      condition: r.condition,
      clinic: r.clinic_id,
      n: r.n,
    }));
    const small = smallClasses(classes);
    const total = classes.reduce((n, c) => n + c.n, 0);
    const kept = total - small.patients;
    const codes = new Map(
      shuffled([...new Set(classes.filter((c) => !small.keys.has(classKey(c))).map((c) => c.clinic))]).map(
        (id, i) => [id, `C${i + 1}`],
      ),
    );
    const sink: Sink = o.format === "redcap" ? await redcapSink(o.dir) : await tidySink(o.dir);
    try {
      const ctx = { studyId: studyIds(), clinicCode: (id: string) => codes.get(id) ?? "", today: o.today };
      let done = 0;
      await o.onProgress?.({ done, total: kept });
      // Rows in an order salted afresh for each export: two exports of one cohort cannot be
      // lined up by position any more than by study id.
      await client.query({
        text: `declare research_export no scroll cursor for ${q.text}
               select id, clinic_id, sex, age, age_band, condition, index_kind, index_date, startback_group
               from cohort order by md5(id::text || $${q.values.length + 1}::text)`,
        values: [...q.values, randomBytes(16).toString("hex")],
      });
      for (;;) {
        if (o.signal?.aborted) throw new ResearchExportCancelled();
        const batch = (await client.query<CohortRow>(`fetch ${batchSize} from research_export`)).rows;
        if (batch.length === 0) break;
        const keep = batch.filter(
          (p) =>
            !small.keys.has(
              classKey({ ageBand: p.age_band, sex: p.sex, condition: p.condition, clinic: p.clinic_id }),
            ),
        );
        if (keep.length > 0) await sink.write(await loadPatients(client, keep, ctx));
        done += keep.length;
        await o.onProgress?.({ done, total: kept });
      }
      await client.query("close research_export");
      const files = await sink.close();
      if (o.cohortLine !== undefined)
        files.push(await writeTextFile(o.dir, "cohort.txt", `${o.cohortLine}\n`));
      return { files, patients: kept, suppressed: small.patients };
    } catch (e) {
      sink.destroy();
      throw e;
    }
  });
}
