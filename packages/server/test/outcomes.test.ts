/** The outcomes report's rules on real data: baselines, a later treatment, clinic versus pooled. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { overrideFor } from "./candidacy-facts";
import { createHarness, type Harness, PASSWORD } from "./harness";

let h: Harness;
beforeAll(async () => {
  h = await createHarness({ now: "2026-01-05T09:00:00Z" });
});
afterAll(() => h.close());

const odi = (v: number) => Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`odi_${i + 1}`, v]));
const answers = (nrs: number, o: number) => ({
  responses: [
    { instrument: "nrs_back", answers: { nrs_back: nrs } },
    { instrument: "odi", answers: odi(o) },
  ],
});

async function signIn(email: string) {
  return h.cookieFrom(
    await h.call("POST", "/api/v1/auth/staff/sign-in", { body: { email, password: PASSWORD } }),
  );
}

describe("outcomes report", () => {
  it("ends an injection's follow-up at a later fusion, and gives the fusion the latest answers as its baseline", async () => {
    const s = await h.staff("clinician");
    const p = await h.patient(s.cookie);
    await h.call("POST", `/api/v1/patients/${p.id}/responses`, { cookie: s.cookie, body: answers(8, 3) }); // baseline ODI 60
    await h.call("POST", `/api/v1/patients/${p.id}/treatments`, {
      cookie: s.cookie,
      body: {
        kind: "bone_marrow_concentrate",
        date: "2026-01-06",
        ...overrideFor("bone_marrow_concentrate"),
      },
    });
    h.clock.set("2026-04-06T09:00:00Z"); // 3 months: answered
    let cookie = await signIn(s.email);
    expect(
      (await h.call("POST", `/api/v1/patients/${p.id}/responses`, { cookie, body: answers(7, 3) })).status,
    ).toBe(201);
    h.clock.set("2026-05-01T09:00:00Z"); // fusion before the 6-month follow-up
    cookie = await signIn(s.email);
    await h.call("POST", `/api/v1/patients/${p.id}/treatments`, {
      cookie,
      body: { kind: "fusion", date: "2026-05-01" },
    });
    h.clock.set("2026-07-06T09:00:00Z"); // the injection's 6 months = the fusion's ~2 months
    cookie = await signIn(s.email);
    const report = await h.call("GET", "/api/v1/outcomes", { cookie });
    const rows = report.json.rows as {
      treatmentKind: string;
      timepoint: string;
      due: number;
      measures: { n: number; meanChange: number }[];
    }[];
    const injection = rows
      .filter((r) => r.treatmentKind === "bone_marrow_concentrate")
      .map((r) => r.timepoint);
    expect(injection).toEqual(["2w", "6w", "3m"]);
    const three = rows.find((r) => r.treatmentKind === "bone_marrow_concentrate" && r.timepoint === "3m")!;
    // One patient: counted, but no estimate is shown from fewer than eleven.
    expect(three.measures[0]).toMatchObject({ n: 1, answered: 1, suppressed: true, meanChange: null });
    const fusion = rows.filter((r) => r.treatmentKind === "fusion").map((r) => r.timepoint);
    expect(fusion).toEqual(["2w", "6w", "3m", "6m", "12m"]);
    // On the record, the injection's 6- and 12-month follow-ups are cancelled, the rest kept.
    const record = await h.call("GET", `/api/v1/patients/${p.id}`, { cookie });
    const injectionId = record.json.treatments.find(
      (t: { kind: string }) => t.kind === "bone_marrow_concentrate",
    ).id;
    const statuses = record.json.followUps
      .filter((f: { treatmentId: string }) => f.treatmentId === injectionId)
      .map((f: { timepoint: string; status: string }) => `${f.timepoint}:${f.status}`);
    expect(statuses).toEqual(["2w:missed", "6w:missed", "3m:completed", "6m:cancelled", "12m:cancelled"]);
  });

  it("uses no baseline older than 180 days before the treatment", async () => {
    const s = await h.staff("clinician");
    const p = await h.patient(s.cookie);
    await h.call("POST", `/api/v1/patients/${p.id}/responses`, { cookie: s.cookie, body: answers(6, 2) });
    h.clock.set(new Date(h.clock.now().getTime() + 200 * 86_400_000));
    const cookie = await signIn(s.email);
    const today = h.clock.now().toISOString().slice(0, 10);
    await h.call("POST", `/api/v1/patients/${p.id}/treatments`, {
      cookie,
      body: { kind: "discectomy", date: today },
    });
    h.clock.set(new Date(h.clock.now().getTime() + 14 * 86_400_000));
    const again = await signIn(s.email);
    await h.call("POST", `/api/v1/patients/${p.id}/responses`, { cookie: again, body: answers(2, 1) });
    const report = await h.call("GET", "/api/v1/outcomes", { cookie: again });
    const row = report.json.rows.find(
      (r: { treatmentKind: string; timepoint: string }) =>
        r.treatmentKind === "discectomy" && r.timepoint === "2w",
    );
    expect(row).toMatchObject({ responded: 1 });
    expect(row.measures[0].n).toBe(0);
  });

  it("shows a clinic its own patients and a researcher all clinics pooled", async () => {
    const other = await h.staff("clinician", (await h.clinic("Other clinic")).id);
    const p = await h.patient(other.cookie);
    await h.call("POST", `/api/v1/patients/${p.id}/treatments`, {
      cookie: other.cookie,
      body: { kind: "medication", date: "2026-01-01" },
    });
    const researcher = await h.staff("researcher");
    const pooled = await h.call("GET", "/api/v1/outcomes", { cookie: researcher.cookie });
    const own = await h.call("GET", "/api/v1/outcomes", { cookie: other.cookie });
    expect(own.json.patients).toBe(1);
    expect(pooled.json.patients).toBe(3);
    expect(pooled.json.rows.some((r: { treatmentKind: string }) => r.treatmentKind === "medication")).toBe(
      true,
    );
  });
});
