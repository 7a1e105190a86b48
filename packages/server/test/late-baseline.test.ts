/**
 * Late baselines (pathway/late-baseline.ts, outcome-sql.ts `lateBaseline`): a baseline answered
 * after the episode's first treatment date is kept and marked "late" on the record, and no
 * outcome query takes it as a baseline — not for that treatment, nor for a later one. The rule is
 * derived, so correcting the treatment date makes the same answers late or on time; it reads
 * the answer's day in the clinic's time zone, as the domain function does, and the follow-up
 * says ahead when answering now would be late.
 */
import { outcomeObservations } from "@evident/db";
import { isLateBaseline } from "@evident/domain/pathway/late-baseline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { batchFor } from "./answers";
import { createHarness, type Harness, PASSWORD } from "./harness";

let h: Harness;
beforeAll(async () => {
  h = await createHarness({ now: "2026-03-02T09:00:00Z" });
});
afterAll(() => h.close());

const both = ["nrs_back", "odi"];
type Patient = {
  responses: { timepoint: string; lateBaseline: boolean; completedAt: string }[];
  treatments: { id: string; kind: string; version: number; date: string }[];
  followUps: {
    id: string;
    timepoint: string;
    status: string;
    baselineEndsOn: string | null;
    lateIfAnsweredToday: boolean;
  }[];
};

/** A patient registered today, whose clinic is in `timeZone`, and a way to act at a later instant. */
async function setup(timeZone = "UTC") {
  h.clock.set("2026-03-02T09:00:00Z");
  const clinic = await h.clinic(`Clinic ${Math.random()}`);
  await h.database.pool.query("update clinics set time_zone = $1 where id = $2", [timeZone, clinic.id]);
  const staff = await h.staff("clinician", clinic.id);
  const p = await h.patient(staff.cookie);
  const at = async (instant: string) => {
    h.clock.set(instant);
    const cookie = await h.signIn(staff.email);
    return {
      call: (method: string, path: string, body?: unknown) =>
        h.call(method, `/api/v1/patients/${p.id}${path}`, { cookie, ...(body ? { body } : {}) }),
      record: async () => (await h.call("GET", `/api/v1/patients/${p.id}`, { cookie })).json as Patient,
    };
  };
  const observations = async () =>
    (await outcomeObservations(h.database.db, clinic.id, both)).observations.filter(
      (o) => o.timepoint === "2w",
    );
  return { clinic, p, at, observations };
}

describe("a late baseline", () => {
  it("is marked and left out of change scores; a corrected treatment date makes it count", async () => {
    const { at, observations } = await setup();
    // Answered on the 5th; the treatment is then recorded as given on the 3rd.
    let s = await at("2026-03-05T10:00:00Z");
    expect((await s.call("POST", "/responses", batchFor(both, 0.8))).status).toBe(201);
    const t = (await s.call("POST", "/treatments", { kind: "exercise_physiotherapy", date: "2026-03-03" }))
      .json;
    let record = await s.record();
    expect(record.responses.map((r) => r.lateBaseline)).toEqual([true, true]);
    expect(record.followUps.find((f) => f.timepoint === "baseline")?.baselineEndsOn).toBe("2026-03-03");

    s = await at("2026-03-17T10:00:00Z");
    const twoWeeks = record.followUps.find((f) => f.timepoint === "2w")!;
    expect((await s.call("POST", "/responses", batchFor(both, 0.3, twoWeeks.id))).status).toBe(201);
    // Without a baseline the two-week answer gives no change.
    expect(await observations()).toEqual([
      expect.objectContaining({ baseline: {}, followUp: { nrs_back: 3, odi: 40 } }),
    ]);

    const corrected = await s.call("PUT", `/treatments/${t.id}`, {
      kind: t.kind,
      date: "2026-03-05",
      version: t.version,
      reason: "Started on the 5th, after the baseline",
    });
    expect(corrected.status).toBe(200);
    record = await s.record();
    expect(record.responses.filter((r) => r.timepoint === "baseline").map((r) => r.lateBaseline)).toEqual([
      false,
      false,
    ]);
    expect(await observations()).toEqual([
      expect.objectContaining({ baseline: { nrs_back: 8, odi: 80 }, followUp: { nrs_back: 3, odi: 40 } }),
    ]);

    // And back: dated the 4th, the answers of the 5th are late again.
    const again = await s.call("PUT", `/treatments/${t.id}`, {
      kind: t.kind,
      date: "2026-03-04",
      version: corrected.json.version,
      reason: "The physiotherapy log says the 4th",
    });
    expect(again.status).toBe(200);
    expect((await observations())[0]?.baseline).toEqual({});
  });

  it("is no baseline for a later treatment in the episode either", async () => {
    const { at, clinic } = await setup();
    let s = await at("2026-03-05T10:00:00Z");
    await s.call("POST", "/responses", batchFor(both, 0.8));
    await s.call("POST", "/treatments", { kind: "exercise_physiotherapy", date: "2026-03-03" });
    s = await at("2026-03-20T10:00:00Z");
    expect((await s.call("POST", "/treatments", { kind: "fusion", date: "2026-03-20" })).status).toBe(201);
    const fusion = (await outcomeObservations(h.database.db, clinic.id, both)).observations.filter(
      (o) => o.treatmentKind === "fusion",
    );
    expect(fusion.length).toBeGreaterThan(0);
    expect(fusion.every((o) => Object.keys(o.baseline).length === 0)).toBe(true);
  });

  it("is no 'before' point on the patient's recovery page, until a corrected date makes it on time", async () => {
    h.clock.set("2026-03-02T09:00:00Z");
    const clinic = await h.clinic(`Clinic ${Math.random()}`);
    const staff = await h.staff("clinician", clinic.id);
    const p = await h.portalPatient(staff.cookie);
    await h.answerSafetyQuestions(p.cookie);
    h.clock.set("2026-03-05T10:00:00Z");
    const portal = async () => {
      const cookie = h.cookieFrom(
        await h.call("POST", "/api/v1/auth/patient/sign-in", {
          body: { email: p.email, password: PASSWORD },
        }),
      );
      return (await h.call("GET", "/api/v1/portal/recovery", { cookie })).json as {
        own: { timepoint: string; score: number }[];
      };
    };
    let cookie = await h.signIn(staff.email);
    await h.call("POST", `/api/v1/patients/${p.id}/responses`, { cookie, body: batchFor(both, 0.8) });
    const t = (
      await h.call("POST", `/api/v1/patients/${p.id}/treatments`, {
        cookie,
        body: { kind: "exercise_physiotherapy", date: "2026-03-03" },
      })
    ).json;
    expect((await portal()).own).toEqual([]);
    cookie = await h.signIn(staff.email);
    await h.call("PUT", `/api/v1/patients/${p.id}/treatments/${t.id}`, {
      cookie,
      body: { kind: t.kind, date: "2026-03-05", version: t.version, reason: "Started on the 5th" },
    });
    expect((await portal()).own).toEqual([{ timepoint: "baseline", score: 8 }]);
  });

  it("reads the day in the clinic's time zone, as the domain rule does, and the form is told ahead", async () => {
    const { at, clinic } = await setup("Asia/Tokyo");
    let s = await at("2026-03-03T09:00:00Z");
    await s.call("POST", "/treatments", { kind: "exercise_physiotherapy", date: "2026-03-04" });
    // 16:00 UTC on the 4th is 01:00 on the 5th in Tokyo: the baseline is still open by the UTC
    // date, but an answer now comes after the treatment day where the clinic is.
    s = await at("2026-03-04T16:00:00Z");
    const baseline = (await s.record()).followUps.find((f) => f.timepoint === "baseline")!;
    expect(baseline).toMatchObject({
      status: "open",
      baselineEndsOn: "2026-03-04",
      lateIfAnsweredToday: true,
    });
    expect((await s.call("POST", "/responses", batchFor(both, 0.6, baseline.id))).status).toBe(201);
    const record = await s.record();
    expect(record.responses.map((r) => r.lateBaseline)).toEqual([true, true]);
    // The SQL mark and the domain function agree on every answer of the clinic.
    const { rows } = await h.database.pool.query(
      `select r.timepoint, r.completed_at, (select min(t.treatment_date)::text from treatments t where t.episode_id = r.episode_id) as first
         from questionnaire_responses r where r.clinic_id = $1`,
      [clinic.id],
    );
    expect(
      rows.map((r) =>
        isLateBaseline({ timepoint: r.timepoint, completedAt: r.completed_at }, r.first, "Asia/Tokyo"),
      ),
    ).toEqual(rows.map(() => true));
    // The day before, in Tokyo, it would not have been late.
    s = await at("2026-03-03T14:00:00Z");
    expect((await s.record()).followUps.find((f) => f.timepoint === "baseline")?.lateIfAnsweredToday).toBe(
      false,
    );
  });
});
