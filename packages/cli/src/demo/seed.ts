/**
 * `seedDemo`: writes the synthetic demo registry — two clinics (each with every instrument
 * licence confirmed and the default measurement plan), their staff, N patients with episodes,
 * treatments, follow-ups, answers, adverse events, portal accounts, and the invitations,
 * reminders and "call the patient" tasks the daily contacts job would have made (contacts.ts) —
 * and one audit event saying so, all in ONE transaction on one connection: a failed, interrupted
 * or killed run leaves the registry as it was before it started. Rows go in with COPY, encoded a
 * few dozen patients at a time and written in batches, so memory stays flat at 100k; indexes,
 * foreign-key checks, statistics and the `afterLoad` steps (summaries) come after (bulk.ts).
 *
 * Deterministic: patient i draws from its own random stream (seed, i), ids come from those streams
 * and synthetic timestamps, and dates are relative to `today`; the same (N, seed, today) gives the
 * same rows. Only the argon2 password hashes (salted) and the audit event (the real time of
 * seeding) differ between runs.
 */
import { appendAudit, type Database, rebuildSummaries, tables } from "@evident/db";
import { badRequest, effectiveEmergencyNumber, type IsoDate, isIsoDate, toIsoDate } from "@evident/domain";
import { instruments } from "@evident/domain/instruments";
import { defaultPlan } from "@evident/domain/pathway/plan";
import { hashPassword } from "@evident/server";
import { drizzle } from "drizzle-orm/node-postgres";
import type pg from "pg";
import { beginBulkLoad, finishBulkLoad } from "./bulk";
import { clearOrRefuse } from "./clear";
import { writeDemoConsents } from "./consents";
import { DEMO_BASE_URL } from "./contacts";
import { copyBatch, type EncodedBatch, emptyEncoded, encodeRows, tableSpecs } from "./copy";
import { DAY_MS, dayOf } from "./days";
import { buildPatient, type ClinicContext, ENROLMENT_DAYS } from "./patient";
import { createRandom } from "./random";
import { emptyRows, type RegistryRows, type RowCounts } from "./rows";
import { DEMO_CLINIC, DEMO_PASSWORD, demoPortalPatient, demoStaff, SECOND_CLINIC } from "./sign-ins";
import { writeDemoStories } from "./stories";

export { DEMO_CLINIC, DEMO_PASSWORD, demoSignIns, SECOND_CLINIC } from "./sign-ins";

export type DemoOptions = {
  patients: number;
  /** A whole number from 0 to 4294967295. */
  seed: number;
  /** Dates are relative to this day (default: today, UTC), so follow-ups are due, open or missed now. */
  today?: IsoDate;
  /** Delete the two demo clinics and everything in them first (same transaction). */
  replace?: boolean;
  /** Patients generated and written per COPY batch. */
  batchSize?: number;
  /** Stops between batches; the transaction rolls back. */
  signal?: AbortSignal;
  /**
   * The app's public address, for the links in the follow-up e-mails the demo clinics already sent
   * (default: the server's default, http://localhost:3000).
   */
  baseUrl?: string;
  /** The time recorded on the audit event. */
  now?: () => Date;
  onProgress?: (done: number, total: number) => void;
};

export type DemoResult = {
  clinics: { id: string; name: string }[];
  rows: RowCounts & { clinics: number; staff: number; consents: number; stories: number };
  replaced: boolean;
  /** How foreign keys were checked (see integrity.ts). */
  foreignKeyChecks: "bulk" | "per-row";
  /** Where the time went, in milliseconds: generating rows, and writing each table. */
  timings: Record<string, number>;
};

export const MAX_DEMO_PATIENTS = 1_000_000;
/** The demo clinics are in the United States (the column's default country): patients call 911. */
const DEMO_EMERGENCY_NUMBER = effectiveEmergencyNumber("US", null);
/** The demo clinics' time zones: diary reminders go out in their evening. */
const DEMO_TIME_ZONES: Record<string, string> = {
  [DEMO_CLINIC]: "America/New_York",
  [SECOND_CLINIC]: "America/Chicago",
};
/** Share of patients at the second clinic. */
const SECOND_CLINIC_SHARE = 0.2;
/** Patients generated between yields to the event loop, so COPY keeps flowing meanwhile. */
const YIELD_EVERY = 50;
/** The setup stream (clinics, staff): beyond any patient's stream number. */
const SETUP_STREAM = 0xffffffff;

function checkOptions(opts: DemoOptions): void {
  const issues = [];
  if (!Number.isInteger(opts.patients) || opts.patients < 0 || opts.patients > MAX_DEMO_PATIENTS)
    issues.push({ path: "patients", message: `must be a whole number from 0 to ${MAX_DEMO_PATIENTS}` });
  if (!Number.isInteger(opts.seed) || opts.seed < 0 || opts.seed > 0xffffffff)
    issues.push({ path: "seed", message: "must be a whole number from 0 to 4294967295" });
  if (opts.today !== undefined && !isIsoDate(opts.today))
    issues.push({ path: "today", message: "must be a date (YYYY-MM-DD)" });
  if (opts.batchSize !== undefined && (!Number.isInteger(opts.batchSize) || opts.batchSize < 1))
    issues.push({ path: "batchSize", message: "must be a positive whole number" });
  if (issues.length > 0) throw badRequest(issues);
}

/** Every table the demo writes with COPY, whose planner statistics are refreshed after loading. */
const loadedTables = [...new Set(Object.values(tableSpecs).map((spec) => spec.table))];

/**
 * Seeds as the tables' owner: the bulk load drops and rebuilds indexes and refreshes planner
 * statistics, which the app's own database role may not do.
 */
export async function seedDemo(
  database: Pick<Database, "withOwner">,
  opts: DemoOptions,
): Promise<DemoResult> {
  checkOptions(opts);
  return database.withOwner(({ pool }) => seed(pool, opts));
}

async function seed(pool: pg.Pool, opts: DemoOptions): Promise<DemoResult> {
  const today = opts.today ?? toIsoDate(new Date());
  const passwordHash = await hashPassword(DEMO_PASSWORD); // argon2 is slow by design: hash once
  const client = await pool.connect();
  let failed = false;
  let released = false;
  try {
    const result: DemoResult = await drizzle(client, { schema: tables.schema }).transaction(async (tx) => {
      // Two seeders at once would both find no demo clinic; take turns.
      await client.query("select pg_advisory_xact_lock(hashtext('evident:demo'))");
      const { replaced, fresh } = await clearOrRefuse(client, opts.replace === true);
      const load = await beginBulkLoad(client, fresh);
      const { clinics, contexts } = await writeClinicsAndStaff(client, opts.seed, dayOf(today), passwordHash);
      const timings: Record<string, number> = {};
      const rows = await writePatients(client, opts, dayOf(today), contexts, passwordHash, {
        timings,
        freeze: load.fresh,
      });
      const clinicIds = clinics.map((c) => c.id);
      await finishBulkLoad(client, load, { clinicIds, tables: loadedTables, today }, timings);
      const consents = await writeDemoConsents(client, clinicIds);
      const stories = await writeDemoStories(client, clinicIds);
      await appendAudit(tx, {
        at: (opts.now ?? (() => new Date()))(),
        actorKind: "system",
        actorId: "evident demo",
        clinicId: clinics[0]!.id,
        patientId: null,
        action: "seed-demo",
        entityType: "clinic",
        entityId: clinics[0]!.id,
        requestId: null,
        detail: { patients: opts.patients, seed: opts.seed, today, replaced, clinics, rows },
      });
      return {
        clinics,
        rows: { ...rows, clinics: clinics.length, staff: demoStaff.length, consents, stories },
        replaced,
        foreignKeyChecks: load.bulkChecks ? "bulk" : "per-row",
        timings,
      };
    });
    client.release();
    released = true;
    // The bulk load ran without the summaries' queue triggers: build the outcome summaries now,
    // from the committed registry, on both of the pool's connections (a failure here leaves the
    // demo in place; `evident summaries rebuild` builds them again).
    result.timings.summaries = (await rebuildSummaries(drizzle(pool), { today, pool })).ms;
    result.timings = Object.fromEntries(Object.entries(result.timings).map(([k, v]) => [k, Math.round(v)]));
    return result;
  } catch (e) {
    failed = true;
    throw e;
  } finally {
    // After a failure mid-COPY the connection's state is not worth trusting: close it.
    if (!released) client.release(failed);
  }
}

async function writeClinicsAndStaff(
  client: pg.PoolClient,
  seed: number,
  todayDay: number,
  passwordHash: string,
): Promise<{
  clinics: { id: string; name: string }[];
  contexts: { main: ClinicContext; second: ClinicContext };
}> {
  const rng = createRandom(seed, SETUP_STREAM);
  // The clinics opened a month before the first enrolment.
  const opened = (todayDay - ENROLMENT_DAYS - 30) * DAY_MS + 9 * 3_600_000;
  const clinics = [DEMO_CLINIC, SECOND_CLINIC].map((name, i) => ({ id: rng.uuid(opened + i), name }));
  for (const c of clinics) {
    await client.query("insert into clinics (id, name, created_at, time_zone) values ($1, $2, $3, $4)", [
      c.id,
      c.name,
      new Date(opened),
      DEMO_TIME_ZONES[c.name],
    ]);
  }
  // Every licence confirmed (as demo licences: no real agreement exists) and the default plan.
  const licensed = instruments.filter((i) => i.licence.agreementNeeded);
  for (const c of clinics) {
    for (const d of licensed) {
      await client.query(
        `insert into instrument_licences (id, clinic_id, instrument, reference, confirmed_by, confirmed_at)
         values ($1, $2, $3, $4, null, $5)`,
        [rng.uuid(opened), c.id, d.id, "Demo data: no real licence", new Date(opened)],
      );
    }
    for (const [timepoint, list] of Object.entries(defaultPlan)) {
      await client.query(
        `insert into measurement_plan_timepoints (clinic_id, timepoint, instruments, updated_by, updated_at)
         values ($1, $2, $3, null, $4)`,
        [c.id, timepoint, list, new Date(opened)],
      );
    }
  }
  const staffIds = new Map<string, string>();
  for (const [i, s] of demoStaff.entries()) {
    const at = opened + (i + 1) * 60_000;
    const id = rng.uuid(at);
    const clinicId = clinics.find((c) => c.name === s.clinic)!.id;
    staffIds.set(`${s.clinic}/${s.role}`, id);
    await client.query(
      `insert into staff_users (id, clinic_id, email, name, role, password_hash, created_at, activated_at)
       values ($1, $2, $3, $4, $5, $6, $7, $7)`,
      [id, clinicId, s.email, s.name, s.role, passwordHash, new Date(at)],
    );
  }
  const staff = (clinic: string, role: string) => staffIds.get(`${clinic}/${role}`)!;
  const nameOf = (clinic: string, role: string) =>
    demoStaff.find((s) => s.clinic === clinic && s.role === role)!.name;
  return {
    clinics,
    contexts: {
      main: {
        id: clinics[0]!.id,
        name: clinics[0]!.name,
        emergencyNumber: DEMO_EMERGENCY_NUMBER,
        mrnPrefix: "DSC",
        registrarId: staff(DEMO_CLINIC, "coordinator"),
        clinicianId: staff(DEMO_CLINIC, "clinician"),
        clinicianName: nameOf(DEMO_CLINIC, "clinician"),
        timeZone: DEMO_TIME_ZONES[DEMO_CLINIC]!,
      },
      // The second clinic has one clinician who does everything.
      second: {
        id: clinics[1]!.id,
        name: clinics[1]!.name,
        emergencyNumber: DEMO_EMERGENCY_NUMBER,
        mrnPrefix: "HPC",
        registrarId: staff(SECOND_CLINIC, "clinician"),
        clinicianId: staff(SECOND_CLINIC, "clinician"),
        clinicianName: nameOf(SECOND_CLINIC, "clinician"),
        timeZone: DEMO_TIME_ZONES[SECOND_CLINIC]!,
      },
    },
  };
}

/**
 * Generates patients batch by batch (patient i from stream i) and COPYs each batch. Generating
 * batch k+1 overlaps with PostgreSQL writing batch k: generation yields to the event loop every
 * few dozen patients, so the COPY stream keeps flowing and both cores stay busy.
 */
async function writePatients(
  client: pg.PoolClient,
  opts: DemoOptions,
  todayDay: number,
  clinics: { main: ClinicContext; second: ClinicContext },
  portalPasswordHash: string,
  out: { timings: Record<string, number>; freeze: boolean },
): Promise<RowCounts> {
  const { timings } = out;
  const total = opts.patients;
  const batch = opts.batchSize ?? 1000;
  const baseUrl = opts.baseUrl ?? DEMO_BASE_URL;
  const counts = Object.fromEntries(Object.keys(emptyRows()).map((k) => [k, 0])) as RowCounts;
  /** Generates and encodes patients from..to, YIELD_EVERY at a time. */
  const generate = async (from: number, to: number): Promise<EncodedBatch> => {
    const encoded = emptyEncoded();
    for (let first = from; first < to; first += YIELD_EVERY) {
      await new Promise((r) => setImmediate(r));
      const generating = performance.now();
      const rows = emptyRows();
      for (let i = first; i < Math.min(to, first + YIELD_EVERY); i++) {
        const rng = createRandom(opts.seed, i);
        const second = rng.chance(SECOND_CLINIC_SHARE) && i > 1;
        const clinic = second ? clinics.second : clinics.main;
        const ctx = { todayDay, index: i, count: total, clinic, portalPasswordHash, baseUrl };
        const overrides =
          i === 0 ? portalPatientOverrides(todayDay) : i === 1 ? showcaseEventOverrides(todayDay) : {};
        buildPatient(rng, ctx, rows, overrides);
      }
      const encoding = performance.now();
      encodeRows(rows, encoded);
      timings.generate = (timings.generate ?? 0) + encoding - generating;
      timings.encode = (timings.encode ?? 0) + performance.now() - encoding;
    }
    return encoded;
  };
  opts.onProgress?.(0, total);
  let writing: Promise<void> | null = null;
  try {
    for (let start = 0; start < total; start += batch) {
      const end = Math.min(total, start + batch);
      const encoded = await generate(start, end);
      if (writing) await writing;
      opts.signal?.throwIfAborted();
      writing = copyBatch(client, encoded, { timings, freeze: out.freeze }).then(() => {
        for (const k of Object.keys(counts) as (keyof RegistryRows)[]) counts[k] += encoded[k].rows;
        opts.onProgress?.(end, total);
      });
      // Handled when awaited; this only stops a failure during the next batch's generation from
      // being reported as unhandled before then.
      writing.catch(() => {});
    }
    if (writing) await writing;
  } catch (e) {
    // Never leave a COPY running under the rollback that follows.
    await writing?.catch(() => {});
    throw e;
  }
  opts.signal?.throwIfAborted();
  return counts;
}

/**
 * Patient 2 shows the reporting clock: a bone-marrow concentrate injection 12 days ago, then a
 * serious, unexpected event whose expedited report is still due (care-extras.ts).
 */
function showcaseEventOverrides(todayDay: number) {
  return {
    condition: "degenerative_disc_disease" as const,
    enrolDay: todayDay - 50,
    firstTreatment: { kind: "bone_marrow_concentrate" as const, day: todayDay - 12 },
    seriousUnexpectedEvent: true,
  };
}

/**
 * Patient 1 is the portal demo patient: physiotherapy 45 days ago, so the 2-week follow-up is
 * answered and the 6-week one (due 3 days ago, window ±14 days) is open today; yesterday they
 * reported a pain flare, still open on the worklist.
 */
function portalPatientOverrides(todayDay: number) {
  return {
    person: {
      givenName: demoPortalPatient.givenName,
      familyName: demoPortalPatient.familyName,
      sex: "unknown" as const,
      email: demoPortalPatient.email,
      phone: null,
    },
    condition: "degenerative_disc_disease" as const,
    enrolDay: todayDay - 56,
    firstTreatment: { kind: "exercise_physiotherapy" as const, day: todayDay - 45 },
    portal: "activated" as const,
    alwaysAnswer: true,
    openProblemReport: true,
  };
}
