/**
 * What the demo's tests share: the options they seed with, the tables the demo fills, and a
 * fingerprint of every row (password hashes aside) to compare two registries by.
 */
import { afterAll, beforeAll } from "vitest";
import { freshDatabase } from "../../db/test/database";
import { seedDemo } from "../src/demo/seed";

export type TestDb = Awaited<ReturnType<typeof freshDatabase>>;

export const TODAY = "2026-06-15";
export const options = { patients: 400, seed: 7, today: TODAY, now: () => new Date("2026-06-15T12:00:00Z") };
export const tables = [
  "clinics",
  "staff_users",
  "patients",
  "episodes",
  "treatments",
  "follow_ups",
  "questionnaire_responses",
  "adverse_events",
  "patient_accounts",
  "intakes",
  "candidacy_assessments",
  "instrument_licences",
  "measurement_plan_timepoints",
  "pain_diary_entries",
  "imaging_studies",
  "tasks",
  "problem_reports",
  "outbox_messages",
  "follow_up_contacts",
];

/** A hash of every row of every demo table, leaving out the salted password hashes. */
export async function fingerprint(db: TestDb): Promise<Record<string, { n: number; hash: string }>> {
  const out: Record<string, { n: number; hash: string }> = {};
  for (const t of tables) {
    const { rows } = await db.system.pool.query<{ n: number; hash: string }>(
      `select count(*)::int as n, md5(coalesce(string_agg((to_jsonb(t) - 'password_hash')::text, '|' order by (to_jsonb(t) - 'password_hash')::text), '')) as hash from ${t} t`,
    );
    out[t] = rows[0]!;
  }
  return out;
}

export type FollowUp = { windowStart: string; windowEnd: string; completedAt: Date | null };
export const followUpColumns = `window_start as "windowStart", window_end as "windowEnd", completed_at as "completedAt"`;

/** Before the file's tests, a fresh database seeded with `options`, handed to `use`; closed after them. */
export function seededDemo(use: (db: TestDb) => void): void {
  let db: TestDb | undefined;
  beforeAll(async () => {
    db = await freshDatabase();
    await seedDemo(db, options);
    use(db);
  });
  afterAll(async () => {
    await db?.close();
  });
}

export async function rowsOf<T>(db: TestDb, sql: string, params: unknown[] = []): Promise<T[]> {
  return (await db.system.pool.query(sql, params)).rows as T[];
}
