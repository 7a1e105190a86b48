/**
 * `seedDemo`: writes the synthetic demo registry — two clinics (each with every instrument
 * licence confirmed and the default measurement plan), their staff, N patients with episodes,
 * treatments, follow-ups, answers, adverse events, portal accounts, and the invitations,
 * reminders and "call the patient" tasks the daily contacts job would have made (contacts.ts) —
 * and one audit event saying so, all in ONE transaction on one connection: a failed or interrupted run leaves
 * nothing behind. Rows go in with COPY, in batches of patients, so memory stays flat at 100k.
 *
 * Deterministic: patient i draws from its own random stream (seed, i), ids come from those streams
 * and synthetic timestamps, and dates are relative to `today`; the same (N, seed, today) gives the
 * same rows. Only the argon2 password hashes (salted) and the audit event (the real time of
 * seeding) differ between runs.
 */
import { appendAudit, type Database, rebuildSummaries, tables } from "@evident/db";
import {
  badRequest,
  conflict,
  effectiveEmergencyNumber,
  type IsoDate,
  isIsoDate,
  toIsoDate,
} from "@evident/domain";
import { instruments } from "@evident/domain/instruments";
import { defaultPlan } from "@evident/domain/pathway/plan";
import { hashPassword } from "@evident/server";
import { drizzle } from "drizzle-orm/node-postgres";
import type pg from "pg";
import { DEMO_BASE_URL } from "./contacts";
import { copyBatch, tableSpecs } from "./copy";
import { DAY_MS, dayOf } from "./days";
import { bulkTables, dropSecondaryIndexes, recreateIndexes } from "./indexes";
import { restoreRowChecks, skipRowChecks, verifyReferences } from "./integrity";
import { buildPatient, type ClinicContext, ENROLMENT_DAYS } from "./patient";
import { createRandom } from "./random";
import { emptyRows, type RegistryRows, type RowCounts } from "./rows";
import {
  DEMO_CLINIC,
  DEMO_CLINICS,
  DEMO_PASSWORD,
  demoPortalPatient,
  demoStaff,
  SECOND_CLINIC,
} from "./sign-ins";

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
  rows: RowCounts & { clinics: number; staff: number };
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

/**
 * The tables holding a clinic's rows, children before parents (for --replace): read from the
 * catalogue, every table with a clinic_id, so a table added later is cleared without anyone
 * remembering to list it. The audit trail is left alone: it is append-only and hash-chained, and
 * records the seeding and the replacing themselves. Jobs and login attempts belong to no clinic.
 */
async function clinicTablesInOrder(client: pg.PoolClient): Promise<string[]> {
  const { rows: scoped } = await client.query<{ table: string }>(
    `select table_name as table from information_schema.columns
     where table_schema = current_schema() and column_name = 'clinic_id'
       and table_name not in ('audit_events', 'clinics')
     order by table_name`,
  );
  const { rows: edges } = await client.query<{ child: string; parent: string }>(
    `select distinct cc.relname as child, pc.relname as parent
     from pg_constraint con
     join pg_class cc on cc.oid = con.conrelid
     join pg_class pc on pc.oid = con.confrelid
     join pg_namespace s on s.oid = cc.relnamespace
     where con.contype = 'f' and s.nspname = current_schema() and cc.relname <> pc.relname`,
  );
  const left = new Set(scoped.map((r) => r.table));
  const refs = edges.filter((e) => e.parent !== "clinics");
  for (const e of refs)
    if (left.has(e.parent) && !left.has(e.child))
      throw new Error(`${e.child} refers to ${e.parent} but has no clinic_id, so --replace cannot clear it`);
  const order: string[] = [];
  while (left.size > 0) {
    // A table no remaining table refers to can go now.
    const free = [...left].filter((t) => !refs.some((e) => e.parent === t && left.has(e.child)));
    if (free.length === 0) throw new Error(`foreign keys form a cycle among ${[...left].join(", ")}`);
    for (const t of free) {
      order.push(t);
      left.delete(t);
    }
  }
  return order;
}

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

/** Every table the demo writes (its COPY specs), whose planner statistics are refreshed after it commits. */
const statisticsTables = [...new Set(Object.values(tableSpecs).map((spec) => spec.table))];

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
  try {
    const result: DemoResult = await drizzle(client, { schema: tables.schema }).transaction(async (tx) => {
      // Two seeders at once would both find no demo clinic; take turns.
      await client.query("select pg_advisory_xact_lock(hashtext('evident:demo'))");
      const bulkChecks = await skipRowChecks(client);
      const replaced = await clearOrRefuse(client, opts.replace === true);
      const { clinics, contexts } = await writeClinicsAndStaff(client, opts.seed, dayOf(today), passwordHash);
      const timings: Record<string, number> = {};
      const indexes = await dropSecondaryIndexes(client, bulkTables);
      const rows = await writePatients(client, opts, dayOf(today), contexts, passwordHash, timings);
      const indexing = performance.now();
      await recreateIndexes(client, indexes);
      timings.buildIndexes = performance.now() - indexing;
      if (bulkChecks) {
        const checking = performance.now();
        await restoreRowChecks(client);
        await verifyReferences(client, replaced ? null : clinics.map((c) => c.id));
        timings.checkReferences = performance.now() - checking;
      }
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
      const rounded = Object.fromEntries(Object.entries(timings).map(([k, v]) => [k, Math.round(v)]));
      return {
        clinics,
        rows: { ...rows, clinics: clinics.length, staff: demoStaff.length },
        replaced,
        foreignKeyChecks: bulkChecks ? "bulk" : "per-row",
        timings: rounded,
      };
    });
    // Fresh statistics for the tables just filled: until autovacuum gets round to them the
    // planner takes them for nearly empty and picks nested loops that make the first outcomes
    // and decision-aid views of a new demo take seconds instead of milliseconds.
    const analysing = performance.now();
    await client.query(`analyze ${statisticsTables.join(", ")}`);
    result.timings.analyze = Math.round(performance.now() - analysing);
    // The bulk load ran without the summaries' queue triggers: build the outcome summaries now.
    result.timings.summaries = (await rebuildSummaries(drizzle(client), { today })).ms;
    return result;
  } catch (e) {
    failed = true;
    throw e;
  } finally {
    // After a failure mid-COPY the connection's state is not worth trusting: close it.
    client.release(failed);
  }
}

/** Refuses when demo data exists (unless replacing, then deletes it); true if it deleted. */
async function clearOrRefuse(client: pg.PoolClient, replace: boolean): Promise<boolean> {
  const { rows: existing } = await client.query<{ id: string; name: string }>(
    "select id, name from clinics where name = any($1) order by name",
    [DEMO_CLINICS],
  );
  const ids = existing.map((c) => c.id);
  const emails = [...demoStaff.map((s) => s.email), demoPortalPatient.email];
  const { rows: taken } = await client.query<{ email: string }>(
    `select email from staff_users where lower(email) = any($1) and not (clinic_id = any($2))
     union all
     select email from patient_accounts where lower(email) = any($1) and not (clinic_id = any($2))`,
    [emails, ids],
  );
  if (taken.length > 0) {
    throw conflict(
      `the demo sign-in ${taken.map((t) => t.email).join(", ")} belongs to a clinic that is not a demo clinic; remove it first`,
    );
  }
  if (ids.length === 0) return false;
  if (!replace) {
    throw conflict(
      `demo data already exists (${existing.map((c) => `"${c.name}"`).join(" and ")}); use --replace to delete the demo clinics and write them again`,
    );
  }
  for (const t of await clinicTablesInOrder(client))
    await client.query(`delete from "${t}" where clinic_id = any($1)`, [ids]);
  await client.query("delete from clinics where id = any($1)", [ids]);
  return true;
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
  timings: Record<string, number>,
): Promise<RowCounts> {
  const total = opts.patients;
  const batch = opts.batchSize ?? 1000;
  const baseUrl = opts.baseUrl ?? DEMO_BASE_URL;
  const counts: RowCounts = {
    patients: 0,
    episodes: 0,
    treatments: 0,
    followUps: 0,
    responses: 0,
    adverseEvents: 0,
    accounts: 0,
    intakes: 0,
    candidacy: 0,
    diary: 0,
    imaging: 0,
    tasks: 0,
    problemReports: 0,
    messages: 0,
    contacts: 0,
  };
  const generate = async (from: number, to: number): Promise<RegistryRows> => {
    const rows = emptyRows();
    for (let i = from; i < to; i++) {
      if ((i - from) % YIELD_EVERY === YIELD_EVERY - 1) await new Promise((r) => setImmediate(r));
      const started = performance.now();
      const rng = createRandom(opts.seed, i);
      const second = rng.chance(SECOND_CLINIC_SHARE) && i > 1;
      const clinic = second ? clinics.second : clinics.main;
      const ctx = { todayDay, index: i, count: total, clinic, portalPasswordHash, baseUrl };
      const overrides =
        i === 0 ? portalPatientOverrides(todayDay) : i === 1 ? showcaseEventOverrides(todayDay) : {};
      buildPatient(rng, ctx, rows, overrides);
      timings.generate = (timings.generate ?? 0) + performance.now() - started;
    }
    return rows;
  };
  opts.onProgress?.(0, total);
  let writing: Promise<void> | null = null;
  try {
    for (let start = 0; start < total; start += batch) {
      const end = Math.min(total, start + batch);
      const rows = await generate(start, end);
      if (writing) await writing;
      opts.signal?.throwIfAborted();
      writing = copyBatch(client, rows, timings).then(() => {
        for (const k of Object.keys(counts) as (keyof RegistryRows)[]) counts[k] += rows[k].length;
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
