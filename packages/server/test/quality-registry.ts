/**
 * A small registry for the data-quality tests: clean patients (a baseline, a treatment on the
 * same day, the 2-week answers in their window, nothing overdue) and one patient per rule with
 * that rule's defect seeded. Written through the API as a clinic would; what the API rightly
 * refuses (a second answer, a birth after treatment, an answer moved out of its window) is written
 * into the database directly, as an import or an old version could have left it.
 */
import { uuidv7 } from "@evident/db";
import type { QualityRuleId } from "@evident/domain/quality";
import { answerAll, batchFor } from "./answers";
import type { Harness } from "./harness";

export const TODAY = "2026-03-02";
const both = ["nrs_back", "odi"];
type Staff = { email: string };
type FollowUp = { id: string; timepoint: string };

async function ok<T = any>(
  res: Promise<{ status: number; text: string; json: T }>,
  what: string,
): Promise<T> {
  const r = await res;
  if (r.status >= 300) throw new Error(`${what}: ${r.status} ${r.text}`);
  return r.json;
}

/** Writes through the API as `staff` on `day` (09:00 UTC, signed in afresh). */
export function desk(h: Harness, staff: Staff) {
  let cookie = "";
  const on = async (day: string) => {
    h.clock.set(`${day}T09:00:00Z`);
    cookie = await h.signIn(staff.email);
  };
  const call = (method: string, path: string, body?: unknown) => h.call(method, path, { cookie, body });
  const record = (id: string) =>
    ok<{ followUps: FollowUp[]; responses: { id: string; instrument: string; timepoint: string }[] }>(
      call("GET", `/api/v1/patients/${id}`),
      "record",
    );
  return {
    on,
    call,
    async patient(familyName: string) {
      const p = await ok<{ id: string; followUps: FollowUp[] }>(
        call("POST", "/api/v1/patients", h.patientBody({ familyName })),
        "patient",
      );
      return p.id;
    },
    answer: (id: string, body: object) =>
      ok(call("POST", `/api/v1/patients/${id}/responses`, body), "answers"),
    treat: (id: string, kind: string, date: string) =>
      ok<{ id: string }>(call("POST", `/api/v1/patients/${id}/treatments`, { kind, date }), "treatment"),
    record,
    followUp: async (id: string, timepoint: string) => {
      const f = (await record(id)).followUps.find((x) => x.timepoint === timepoint);
      if (!f) throw new Error(`no ${timepoint} follow-up`);
      return f.id;
    },
  };
}

/**
 * A clean patient: registered, baseline answered and treated on `treated`, the 2-week answers on
 * `TODAY` (inside the window of a treatment 2–3 weeks before it).
 */
export async function cleanPatient(d: ReturnType<typeof desk>, name: string, treated = "2026-02-15") {
  await d.on(treated);
  const id = await d.patient(name);
  await d.answer(id, batchFor(both, 0.4));
  const t = await d.treat(id, "medication", treated);
  await d.on(TODAY);
  await d.answer(id, batchFor(both, 0.3, await d.followUp(id, "2w")));
  return { id, treatmentId: t.id };
}

/** One patient per rule with its defect; returns the record each rule must name. */
export async function seedDefects(h: Harness, staff: Staff): Promise<Record<QualityRuleId, string>> {
  const d = desk(h, staff);
  const sql = (text: string, values: unknown[]) => h.database.pool.query(text, values);
  const responseOf = async (id: string, timepoint: string, instrument: string) => {
    const r = (await d.record(id)).responses.find(
      (x) => x.timepoint === timepoint && x.instrument === instrument,
    );
    if (!r) throw new Error(`no ${instrument} at ${timepoint}`);
    return r.id;
  };

  // An ODI section that may not be skipped, left blank at baseline.
  await d.on("2026-02-15");
  const missing = await d.patient("Missing");
  await d.answer(missing, {
    responses: [
      { instrument: "nrs_back", answers: answerAll("nrs_back", 0.4) },
      { instrument: "odi", answers: answerAll("odi", 0.4, { odi_3: null }) },
    ],
  });
  await d.treat(missing, "medication", "2026-02-15");

  // Baseline on the 16th for a treatment planned on the 17th, whose date is then corrected to the
  // 15th: the baseline now comes after the treatment (how a late baseline arises).
  await d.on("2026-02-16");
  const late = await d.patient("Late");
  await d.answer(late, batchFor(both, 0.4));
  const planned = await d.treat(late, "medication", "2026-02-17");
  await ok(
    d.call("PUT", `/api/v1/patients/${late}/treatments/${planned.id}`, {
      kind: "medication",
      date: "2026-02-15",
      version: 1,
      reason: "Given on the 15th",
    }),
    "correction",
  );

  // The 2-week answers, then their date moved before the window opened (2026-02-22).
  const outside = await cleanPatient(d, "Outside");
  const outsideAnswer = await responseOf(outside.id, "2w", "odi");
  await sql("update questionnaire_responses set completed_at = '2026-02-19T09:00:00Z' where id = $1", [
    outsideAnswer,
  ]);

  // The 2-week back pain answered twice (a second copy, as an import could leave).
  const twice = await cleanPatient(d, "Twice");
  const first = await responseOf(twice.id, "2w", "nrs_back");
  const duplicate = uuidv7();
  await sql(
    `insert into questionnaire_responses (id, clinic_id, patient_id, episode_id, follow_up_id, instrument,
       instrument_version, timepoint, answers, score, score_detail, completed_at, source, created_at)
     select $2, clinic_id, patient_id, episode_id, follow_up_id, instrument, instrument_version, timepoint,
            answers, score, score_detail, completed_at + interval '1 hour', 'import', created_at
       from questionnaire_responses where id = $1`,
    [first, duplicate],
  );

  // Back pain 0 at baseline, 10 two weeks later.
  await d.on("2026-02-15");
  const swing = await d.patient("Swing");
  await d.answer(swing, { responses: [{ instrument: "nrs_back", answers: answerAll("nrs_back", 0) }] });
  await d.treat(swing, "medication", "2026-02-15");
  await d.on(TODAY);
  await d.answer(swing, {
    followUpId: await d.followUp(swing, "2w"),
    responses: [{ instrument: "nrs_back", answers: answerAll("nrs_back", 1) }],
  });
  const swingAnswer = await responseOf(swing, "2w", "nrs_back");

  // Treated with no answer before.
  await d.on("2026-02-15");
  const noBaseline = await d.patient("NoBaseline");
  const untracked = await d.treat(noBaseline, "medication", "2026-02-15");

  // Born (as corrected) after the treatment.
  const born = await cleanPatient(d, "Born");
  await sql("update patients set birth_date = '2026-02-20' where id = $1", [born.id]);

  // Treated on 5 February: the 2-week follow-up (window 12–26 February) never answered, never contacted.
  await d.on("2026-02-05");
  const silent = await d.patient("Silent");
  await d.answer(silent, batchFor(both, 0.5));
  await d.treat(silent, "medication", "2026-02-05");
  const silentFollowUp = await d.followUp(silent, "2w");

  // Treated on 1 December; the 2- and 6-week follow-ups both missed.
  await d.on("2025-12-01");
  const lost = await d.patient("Lost");
  await d.answer(lost, batchFor(both, 0.5));
  await d.treat(lost, "medication", "2025-12-01");
  await d.on(TODAY);

  return {
    "missing-required-answers": await responseOf(missing, "baseline", "odi"),
    "baseline-after-treatment": await responseOf(late, "baseline", "odi"),
    "answer-outside-window": outsideAnswer,
    "duplicate-answers": duplicate,
    "implausible-change": swingAnswer,
    "treatment-without-baseline": untracked.id,
    "contradictory-dates": born.id,
    "overdue-without-contact": silentFollowUp,
    "lost-to-follow-up": lost,
  };
}
