/** The pain diary through the API: one entry a day with its MME, bad fields named, staff read, daily reminder once. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runJobsOnce } from "../src/jobs/runner";
import { createHarness, type Harness, PASSWORD } from "./harness";
import { odiAnswers } from "./outcome-registry";

let h: Harness;
beforeAll(async () => {
  h = await createHarness({ now: "2026-03-02T09:00:00Z" });
});
afterAll(() => h.close());

describe("the pain diary", () => {
  it("stores a day's pain and medicines with the MME, replaces it on correction, and shows it to staff", async () => {
    h.clock.set("2026-03-02T09:00:00Z");
    const s = await h.staff();
    const p = await h.portalPatient(s.cookie);
    const res = await h.call("PUT", "/api/v1/portal/diary/2026-03-02", {
      cookie: p.cookie,
      body: {
        backPain: 6,
        legPain: 3,
        note: "Stiff in the morning",
        medications: [
          { drug: "oxycodone", dose: 5, dosesPerDay: 2 },
          { drug: "other", name: "ibuprofen", dose: 400, dosesPerDay: 3 },
        ],
      },
    });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ date: "2026-03-02", backPain: 6, mme: 15, mmeTable: "cdc-2022" });
    const again = await h.call("PUT", "/api/v1/portal/diary/2026-03-02", {
      cookie: p.cookie,
      body: { backPain: 5, legPain: 3 },
    });
    expect(again.json).toMatchObject({ backPain: 5, mme: 0, medications: [] });
    const mine = await h.call("GET", "/api/v1/portal/diary", { cookie: p.cookie });
    expect(mine.json.entries).toHaveLength(1);
    const staff = await h.call("GET", `/api/v1/patients/${p.id}/diary`, { cookie: s.cookie });
    expect(staff.status).toBe(200);
    expect(staff.json.entries[0]).toMatchObject({ date: "2026-03-02", backPain: 5 });
  });

  it("names each bad field and writes nothing", async () => {
    h.clock.set("2026-03-02T09:00:00Z");
    const s = await h.staff();
    const p = await h.portalPatient(s.cookie);
    const before = await h.count("pain_diary_entries");
    const res = await h.call("PUT", "/api/v1/portal/diary/2026-03-02", {
      cookie: p.cookie,
      body: {
        backPain: 11,
        legPain: "x",
        medications: [{ drug: "heroin", dose: -1, dosesPerDay: 1 }],
        mood: 3,
      },
    });
    expect(res.status).toBe(400);
    expect(res.json.issues.map((i: { path: string }) => i.path).sort()).toEqual([
      "backPain",
      "legPain",
      "medications.0.dose",
      "medications.0.drug",
      "mood",
    ]);
    const future = await h.call("PUT", "/api/v1/portal/diary/2026-03-03", {
      cookie: p.cookie,
      body: { backPain: 1, legPain: 1 },
    });
    expect(future.json.issues).toEqual([{ path: "date", message: "cannot be in the future" }]);
    expect(await h.count("pain_diary_entries")).toBe(before);
    // Staff cannot write a patient's diary, and a patient cannot read another's.
    expect((await h.call("GET", "/api/v1/portal/diary", { cookie: s.cookie })).status).toBe(403);
  });

  it("sends the daily reminder once in the evening, only when asked and only if today's entry is missing", async () => {
    h.clock.set("2026-03-02T09:00:00Z");
    const s = await h.staff();
    const asked = await h.portalPatient(s.cookie);
    const wrote = await h.portalPatient(s.cookie);
    const silent = await h.portalPatient(s.cookie);
    for (const p of [asked, wrote])
      expect(
        (await h.call("PUT", "/api/v1/portal/diary-reminder", { cookie: p.cookie, body: { reminder: true } }))
          .status,
      ).toBe(200);
    await h.call("PUT", "/api/v1/portal/diary/2026-03-02", {
      cookie: wrote.cookie,
      body: { backPain: 2, legPain: 0 },
    });
    await runJobsOnce(h.deps, { again: true }); // 09:00: too early
    h.clock.set("2026-03-02T18:59:00Z");
    await runJobsOnce(h.deps, { again: true }); // the clinic is on UTC: still too early
    h.clock.set("2026-03-02T19:00:00Z");
    await runJobsOnce(h.deps, { again: true });
    await runJobsOnce(h.deps, { again: true });
    const { rows } = await h.database.pool.query(
      "select patient_id from outbox_messages where kind = 'diary-reminder' and patient_id = any($1)",
      [[asked.id, wrote.id, silent.id]],
    );
    expect(rows).toEqual([{ patient_id: asked.id }]);
  });

  it("sends it at 19:00 in the clinic's time zone, for the local day, through daylight saving time", async () => {
    h.clock.set("2026-03-07T12:00:00Z");
    const admin = await h.staff("admin");
    const set = await h.call("PUT", "/api/v1/clinic/time-zone", {
      cookie: admin.cookie,
      body: { timeZone: "America/New_York" },
    });
    expect(set.status).toBe(200);
    expect(set.json).toMatchObject({ timeZone: "America/New_York" });
    const s = await h.staff("coordinator", admin.clinicId);
    const p = await h.portalPatient(s.cookie);
    await h.call("PUT", "/api/v1/portal/diary-reminder", { cookie: p.cookie, body: { reminder: true } });
    const sent = async () =>
      (
        await h.database.pool.query<{ key: string; at: Date }>(
          "select dedupe_key as key, created_at as at from outbox_messages where kind = 'diary-reminder' and patient_id = $1 order by created_at",
          [p.id],
        )
      ).rows.map((r) => `${r.key.split(":").at(-1)} at ${r.at.toISOString().slice(0, 16)}`);
    const at = async (iso: string) => {
      h.clock.set(iso);
      await runJobsOnce(h.deps, { again: true });
    };
    // Saturday 7 March, New York on winter time (UTC−5): 19:00 there is 00:00 UTC on the 8th.
    await at("2026-03-07T19:00:00Z"); // 14:00 in New York
    await at("2026-03-07T23:00:00Z"); // 18:00
    expect(await sent()).toEqual([]);
    await at("2026-03-08T00:00:00Z"); // 19:00 on the 7th
    await at("2026-03-08T03:00:00Z"); // 22:00: once a day
    // Sunday 8 March the clocks went forward (UTC−4): 19:00 is 23:00 UTC the same day.
    await at("2026-03-08T22:00:00Z"); // 18:00
    await at("2026-03-08T23:00:00Z"); // 19:00 on the 8th
    expect(await sent()).toEqual(["2026-03-07 at 2026-03-08T00:00", "2026-03-08 at 2026-03-08T23:00"]);
  });

  it("takes today's entry on the patient's day: the clinic's date where it is ahead of UTC, the UTC date where behind", async () => {
    const entry = { backPain: 3, legPain: 1 };
    const clinicIn = async (timeZone: string) => {
      const admin = await h.staff("admin");
      expect(
        (await h.call("PUT", "/api/v1/clinic/time-zone", { cookie: admin.cookie, body: { timeZone } }))
          .status,
      ).toBe(200);
      return h.portalPatient((await h.staff("coordinator", admin.clinicId)).cookie);
    };
    const write = (p: { cookie: string }, date: string) =>
      h.call("PUT", `/api/v1/portal/diary/${date}`, { cookie: p.cookie, body: entry });

    // 20:00 UTC on 2 March is 09:00 on 3 March in Auckland (UTC+13): the 3rd is today there.
    h.clock.set("2026-03-02T20:00:00Z");
    const kiwi = await clinicIn("Pacific/Auckland");
    expect((await write(kiwi, "2026-03-03")).status).toBe(200);
    const tooEarly = await write(kiwi, "2026-03-04");
    expect(tooEarly.status).toBe(400);
    expect(tooEarly.json.issues).toEqual([{ path: "date", message: "cannot be in the future" }]);

    // 02:00 UTC on 3 March is 18:00 on 2 March in Los Angeles: a patient whose phone already says
    // the 3rd is not refused, the 4th is; and the 30 days back count from the earlier day.
    h.clock.set("2026-03-03T02:00:00Z");
    const west = await clinicIn("America/Los_Angeles");
    expect((await write(west, "2026-03-03")).status).toBe(200);
    expect((await write(west, "2026-03-02")).status).toBe(200);
    expect((await write(west, "2026-01-31")).status).toBe(200);
    expect((await write(west, "2026-01-30")).json.issues).toEqual([
      { path: "date", message: "can be at most 30 days ago" },
    ]);
    expect((await write(west, "2026-03-04")).status).toBe(400);
  });

  it("keeps the clinic's time zone valid: an IANA name, set by an administrator, audited", async () => {
    const admin = await h.staff("admin");
    expect((await h.call("GET", "/api/v1/clinic", { cookie: admin.cookie })).json).toEqual({
      name: "Clinic",
      timeZone: "UTC",
      country: "US",
      emergencyNumber: null,
      defaultEmergencyNumber: "911",
      effectiveEmergencyNumber: "911",
      benchmarkNamed: false,
    });
    for (const timeZone of ["Mars/Olympus_Mons", "", "EST+5", 42]) {
      const res = await h.call("PUT", "/api/v1/clinic/time-zone", {
        cookie: admin.cookie,
        body: { timeZone },
      });
      expect(res.status, String(timeZone)).toBe(400);
      expect(res.headers.get("content-type")).toMatch(/application\/problem\+json/);
      expect(res.json.issues.map((i: { path: string }) => i.path)).toEqual(["timeZone"]);
    }
    const clinician = await h.staff("clinician", admin.clinicId);
    const refused = await h.call("PUT", "/api/v1/clinic/time-zone", {
      cookie: clinician.cookie,
      body: { timeZone: "Europe/Berlin" },
    });
    expect(refused.status).toBe(403);
    expect((await h.call("GET", "/api/v1/clinic", { cookie: clinician.cookie })).json.timeZone).toBe("UTC");
    await h.call("PUT", "/api/v1/clinic/time-zone", {
      cookie: admin.cookie,
      body: { timeZone: "Europe/Berlin" },
    });
    const { rows } = await h.database.pool.query(
      "select action, entity_type, detail from audit_events where entity_type = 'clinic' and action = 'update' and clinic_id = $1",
      [admin.clinicId],
    );
    expect(rows).toEqual([
      { action: "update", entity_type: "clinic", detail: { timeZone: { from: "UTC", to: "Europe/Berlin" } } },
    ]);
  });
});

describe("the recovery timeline", () => {
  it("shows the phase of the latest treatment with its sources, and the typical course of patients like them only once 30 answered", async () => {
    // Everyone gives back pain 7 and an Oswestry score of 40 on the day of their injection.
    h.clock.set("2026-02-20T08:00:00Z");
    const clinic = await h.clinic("Typical-course clinic");
    let s = await h.staff("clinician", clinic.id);
    const me = await h.portalPatient(s.cookie);
    const others = [];
    for (let i = 0; i < 30; i++) others.push(await h.patient(s.cookie));
    for (const p of [me, ...others]) {
      const base = await h.call("POST", `/api/v1/patients/${p.id}/responses`, {
        cookie: s.cookie,
        body: {
          responses: [
            { instrument: "nrs_back", answers: { nrs_back: 7 } },
            { instrument: "odi", answers: odiAnswers(40) },
          ],
        },
      });
      expect(base.status).toBe(201);
      const treated = await h.call("POST", `/api/v1/patients/${p.id}/treatments`, {
        cookie: s.cookie,
        body: { kind: "epidural_steroid_injection", date: "2026-02-20" },
      });
      expect(treated.status).toBe(201);
    }
    h.clock.set("2026-03-02T09:00:00Z");
    s = await h.staff("clinician", clinic.id);
    const signIn = await h.call("POST", "/api/v1/auth/patient/sign-in", {
      body: { email: me.email, password: PASSWORD },
    });
    const cookie = h.cookieFrom(signIn);
    const answerTwoWeeks = async (id: string, score: number) => {
      const detail = (await h.call("GET", `/api/v1/patients/${id}`, { cookie: s.cookie })).json;
      const twoWeeks = detail.followUps.find((f: { timepoint: string }) => f.timepoint === "2w");
      const res = await h.call("POST", `/api/v1/patients/${id}/responses`, {
        cookie: s.cookie,
        body: {
          followUpId: twoWeeks.id,
          responses: [{ instrument: "nrs_back", answers: { nrs_back: score } }],
        },
      });
      expect(res.status).toBe(201);
    };
    await answerTwoWeeks(me.id, 3);
    // 29 of the 30 like me answer at 2 weeks: 2, 3, 4, 5, 6, 2, 3, …
    for (const [i, p] of others.slice(0, 29).entries()) await answerTwoWeeks(p.id, 2 + (i % 5));
    const recovery = async () => {
      const res = await h.call("GET", "/api/v1/portal/recovery", { cookie });
      expect(res.status).toBe(200);
      return res.json;
    };
    const withheld = await recovery();
    expect(withheld).toMatchObject({
      treatment: { kind: "epidural_steroid_injection", date: "2026-02-20" },
      day: 10,
      currentPhaseId: "injection-days",
      own: expect.arrayContaining([{ timepoint: "2w", score: 3 }]),
      typical: { usable: true, minimum: 30, treated: null, points: [] },
    });
    // Below the minimum, no count of them is given.
    const { minimum: _, ...counts } = withheld.typical;
    expect(JSON.stringify(counts)).not.toMatch(/\b(29|30)\b/);

    await answerTwoWeeks(others[29]!.id, 2 + (29 % 5));
    const res = await recovery();
    // 30 like me: back pain 7 before; at 2 weeks 2–6 six times each, middle value 4 (interval 10th–21st: 3 to 5).
    expect(res.typical).toMatchObject({
      usable: true,
      treated: 30,
      criteria: [
        { id: "odi", words: "a daily life score within 10 points of yours (40 out of 100)" },
        { id: "age", words: expect.stringMatching(/^an age within 10 years of yours/) },
      ],
      widened: [],
      points: [
        { timepoint: "baseline", due: 30, n: 30, median: 7, medianCI: [7, 7] },
        { timepoint: "2w", due: 30, n: 30, median: 4, medianCI: [3, 5], q1: 3, q3: 5 },
      ],
    });
    // In Spanish, the same figures with the criteria in Spanish.
    const es = (await h.call("GET", "/api/v1/portal/recovery?lang=es", { cookie })).json;
    expect(es.typical.points).toEqual(res.typical.points);
    expect(es.typical.criteria[0].words).toMatch(/^unos puntos de vida diaria/);
    // The injection's own phases, not a cell therapy's harvest site; a timing from clinical
    // experience says so instead of naming a source.
    expect(res.phases.map((p: { id: string }) => p.id)).toEqual([
      "injection-days",
      "injection-effect",
      "injection-long-term",
    ]);
    expect(JSON.stringify(res.phases)).not.toMatch(/harvest/i);
    expect(res.phases[0]).toMatchObject({ certainty: "clinical experience", sources: [] });
    expect(res.phases[1].sources[0].text).toMatch(/Epidural corticosteroid injections/);
  });
});
