/**
 * A small registry with known answers for the outcomes tests, written through the API as a
 * clinic would write it: patients with a baseline, a first treatment on one day, answers at
 * 3 and 12 months, some missed follow-ups, and operations that end a treatment's follow-up.
 * Each person's specification is kept, so a test can compute what the analyses must give.
 */
import { addDays, scheduleFollowUps } from "@evident/domain";
import type { ComparisonCandidate } from "@evident/domain/outcomes";
import { seededRandom } from "@evident/domain/stats";
import { overrideFor } from "./candidacy-facts";
import type { Harness } from "./harness";
import { PASSWORD } from "./harness";

export const T0 = "2025-01-06";
export const TODAY = "2026-03-02";
const at = (date: string) => `${date}T09:00:00Z`;

export type Scores = { nrs: number; odi: number };

export type Person = {
  kind: string;
  condition: string;
  birthDate: string;
  sex: "female" | "male";
  onsetDate: string | null;
  baseline: Scores | null;
  threeMonths: Scores | null;
  twelveMonths: Scores | null;
  /** Days after T0 of a fusion recorded later in the episode. */
  fusionDay: number | null;
};

/** ODI answers (ten sections, 0–5) that score exactly `score` (an even number 0–100). */
export function odiAnswers(score: number): Record<string, number> {
  let left = score / 2;
  return Object.fromEntries(
    Array.from({ length: 10 }, (_, i) => {
      const v = Math.min(5, left);
      left -= v;
      return [`odi_${i + 1}`, v];
    }),
  );
}

const answers = (s: Scores) => ({
  responses: [
    { instrument: "nrs_back", answers: { nrs_back: s.nrs } },
    { instrument: "odi", answers: odiAnswers(s.odi) },
  ],
});

const even = (x: number) => 2 * Math.round(Math.max(0, Math.min(100, x)) / 2);

/**
 * `n` people given `kind`: `missed` of them never answer at 12 months, `noBaseline` never gave a
 * baseline, and `fusions` have a fusion at 150, 200, 250… days.
 */
export function people(
  kind: string,
  n: number,
  seed: number,
  opts: { missed?: number; noBaseline?: number; fusions?: number; shift?: number } = {},
): Person[] {
  const rng = seededRandom(seed);
  const int = (lo: number, hi: number) => lo + rng.below(hi - lo + 1);
  return Array.from({ length: n }, (_, i) => {
    const odi = even(int(20, 60));
    const nrs = int(4, 9);
    const fusion = i < (opts.fusions ?? 0);
    const missed = !fusion && i < (opts.fusions ?? 0) + (opts.missed ?? 0);
    const change = int(-24, 8) + (opts.shift ?? 0);
    return {
      kind,
      condition: i % 3 === 0 ? "facet_arthropathy" : "degenerative_disc_disease",
      birthDate: `${1950 + int(0, 40)}-0${int(1, 9)}-1${int(0, 9)}`,
      sex: rng.next() < 0.5 ? "female" : "male",
      onsetDate: i % 5 === 4 ? null : `20${10 + int(0, 13)}-06-01`,
      baseline: i >= n - (opts.noBaseline ?? 0) ? null : { nrs, odi },
      threeMonths:
        rng.next() < 0.7 ? { nrs: Math.max(0, nrs - int(0, 3)), odi: even(odi + change / 2) } : null,
      twelveMonths:
        fusion || missed
          ? null
          : { nrs: Math.max(0, Math.min(10, nrs + Math.round(change / 6))), odi: even(odi + change) },
      fusionDay: fusion ? 150 + 50 * i : null,
    };
  });
}

async function signIn(h: Harness, email: string): Promise<string> {
  return h.cookieFrom(
    await h.call("POST", "/api/v1/auth/staff/sign-in", { body: { email, password: PASSWORD } }),
  );
}

async function ok(res: Promise<{ status: number; text: string }>, what: string) {
  const r = await res;
  if (r.status >= 300) throw new Error(`${what}: ${r.status} ${r.text}`);
  return r;
}

/** Writes everyone into one clinic through the API; leaves the clock at TODAY. */
export async function writeRegistry(h: Harness, staff: { email: string }, everyone: readonly Person[]) {
  h.clock.set(at(T0));
  let cookie = await signIn(h, staff.email);
  const ids: string[] = [];
  for (const [i, p] of everyone.entries()) {
    const created = await ok(
      h.call("POST", "/api/v1/patients", {
        cookie,
        body: h.patientBody({
          familyName: `Registry${i}`,
          birthDate: p.birthDate,
          sex: p.sex,
          episode: {
            condition: p.condition,
            spinalLevels: [],
            ...(p.onsetDate ? { onsetDate: p.onsetDate } : {}),
          },
        }),
      }),
      "patient",
    );
    const id = (created as unknown as { json: { id: string } }).json.id;
    ids.push(id);
    if (p.baseline)
      await ok(
        h.call("POST", `/api/v1/patients/${id}/responses`, { cookie, body: answers(p.baseline) }),
        "baseline",
      );
    await ok(
      h.call("POST", `/api/v1/patients/${id}/treatments`, {
        cookie,
        body: { kind: p.kind, date: T0, ...overrideFor(p.kind) },
      }),
      "treatment",
    );
  }
  const visit = async (day: number, what: (p: Person, id: string) => Promise<unknown>) => {
    h.clock.set(at(addDays(T0, day)));
    cookie = await signIn(h, staff.email);
    for (const [i, p] of everyone.entries()) await what(p, ids[i] as string);
  };
  await visit(91, (p, id) =>
    p.threeMonths
      ? ok(
          h.call("POST", `/api/v1/patients/${id}/responses`, { cookie, body: answers(p.threeMonths) }),
          "3 months",
        )
      : Promise.resolve(),
  );
  await visit(365, async (p, id) => {
    if (p.fusionDay !== null)
      await ok(
        h.call("POST", `/api/v1/patients/${id}/treatments`, {
          cookie,
          body: { kind: "fusion", date: addDays(T0, p.fusionDay) },
        }),
        "fusion",
      );
    if (p.twelveMonths)
      await ok(
        h.call("POST", `/api/v1/patients/${id}/responses`, { cookie, body: answers(p.twelveMonths) }),
        "12 months",
      );
  });
  h.clock.set(at(TODAY));
  return ids;
}

/** What the comparison query must find for a person, as the domain takes it. */
export function candidateOf(p: Person, treatment: string, instrument: "odi" | "nrs"): ComparisonCandidate {
  const [window] = scheduleFollowUps(T0, ["12m"]);
  if (!window) throw new Error("no 12-month window");
  return {
    arm: p.kind === treatment ? "treatment" : "comparator",
    treatmentDate: T0,
    birthDate: p.birthDate,
    sex: p.sex,
    condition: p.condition,
    onsetDate: p.onsetDate,
    baseline: p.baseline ? p.baseline[instrument] : null,
    followUp: {
      windowStart: window.windowStart,
      windowEnd: window.windowEnd,
      completedAt: p.twelveMonths ? at(addDays(T0, 365)) : null,
      cancelledAt: p.fusionDay !== null ? at(addDays(T0, 365)) : null,
      ended: p.fusionDay !== null,
    },
    score: p.twelveMonths ? p.twelveMonths[instrument] : null,
  };
}

/**
 * Two clinics for the cohort tests: `here` in a fresh clinic, `elsewhere` in "Other clinic"; the
 * first clinic's id, and a clinician, a researcher and an admin of it, signed in.
 */
export async function writeTwoClinics(h: Harness, here: readonly Person[], elsewhere: readonly Person[]) {
  const ids = await writeRegistry(h, await h.staff("clinician"), here);
  await writeRegistry(h, await h.staff("clinician", (await h.clinic("Other clinic")).id), elsewhere);
  const { rows } = await h.database.pool.query("select clinic_id from patients where id = $1", [ids[0]]);
  const clinicId: string = rows[0].clinic_id;
  return {
    clinicId,
    clinician: await h.staff("clinician", clinicId),
    researcher: await h.staff("researcher", clinicId),
    admin: await h.staff("admin", clinicId),
  };
}
