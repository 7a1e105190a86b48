/** The pain diary through the API: one entry a day with its MME, bad fields named, staff read, daily reminder once. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runJobsOnce } from "../src/jobs/runner";
import { createHarness, type Harness } from "./harness";

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
    h.clock.set("2026-03-02T18:00:00Z");
    await runJobsOnce(h.deps, { again: true });
    await runJobsOnce(h.deps, { again: true });
    const { rows } = await h.database.pool.query(
      "select patient_id from outbox_messages where kind = 'diary-reminder' and patient_id = any($1)",
      [[asked.id, wrote.id, silent.id]],
    );
    expect(rows).toEqual([{ patient_id: asked.id }]);
  });
});

describe("the recovery timeline", () => {
  it("shows the phase of the latest treatment with its sources, and the registry's course only from 5 or more patients", async () => {
    h.clock.set("2026-03-02T09:00:00Z");
    const s = await h.staff();
    const patients = [];
    for (let i = 0; i < 6; i++) {
      const p = await h.portalPatient(s.cookie);
      await h.call("POST", `/api/v1/patients/${p.id}/treatments`, {
        cookie: s.cookie,
        body: { kind: "epidural_steroid_injection", date: "2026-02-20" },
      });
      patients.push(p);
    }
    // Five answer their 2-week back pain: enough for a typical value; the sixth does not.
    const detail = async (id: string) =>
      (await h.call("GET", `/api/v1/patients/${id}`, { cookie: s.cookie })).json;
    for (const [i, p] of patients.slice(0, 5).entries()) {
      const twoWeeks = (await detail(p.id)).followUps.find(
        (f: { timepoint: string }) => f.timepoint === "2w",
      );
      const res = await h.call("POST", `/api/v1/patients/${p.id}/responses`, {
        cookie: s.cookie,
        body: {
          followUpId: twoWeeks.id,
          responses: [{ instrument: "nrs_back", answers: { nrs_back: 3 + i } }],
        },
      });
      expect(res.status).toBe(201);
    }
    const me = patients[0]!;
    const res = await h.call("GET", "/api/v1/portal/recovery", { cookie: me.cookie });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      treatment: { kind: "epidural_steroid_injection", date: "2026-02-20" },
      day: 10,
      currentPhaseId: "injection-days",
      own: [{ timepoint: "2w", score: 3 }],
      typical: [{ timepoint: "2w", n: 5, median: 5 }],
    });
    // The injection's own phases, not a cell therapy's harvest site; a timing from clinical
    // experience says so instead of naming a source.
    expect(res.json.phases.map((p: { id: string }) => p.id)).toEqual([
      "injection-days",
      "injection-effect",
      "injection-long-term",
    ]);
    expect(JSON.stringify(res.json.phases)).not.toMatch(/harvest/i);
    expect(res.json.phases[0]).toMatchObject({ certainty: "clinical experience", sources: [] });
    expect(res.json.phases[1].sources[0].text).toMatch(/Epidural corticosteroid injections/);
    // The baseline timepoint has fewer than 5 answers: no typical value for it.
    expect(res.json.typical.map((t: { timepoint: string }) => t.timepoint)).not.toContain("baseline");
  });
});
