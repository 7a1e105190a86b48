import { describe, expect, it } from "vitest";
import { type ProgressReportData, progressReport } from "./index";

const data = (over: Partial<ProgressReportData> = {}): ProgressReportData => ({
  clinicName: "Sunrise Spine",
  today: "2026-06-01",
  language: "en",
  patient: { givenName: "Ada", familyName: "Lovelace", birthDate: "1970-05-01" },
  responses: [
    {
      instrument: "nrs_back",
      timepoint: "baseline",
      score: 7,
      detail: {},
      date: "2026-01-05",
      lateBaseline: false,
    },
    {
      instrument: "nrs_back",
      timepoint: "6w",
      score: 6,
      detail: {},
      date: "2026-02-21",
      lateBaseline: false,
    },
    {
      instrument: "odi",
      timepoint: "baseline",
      score: 40,
      detail: {},
      date: "2026-01-05",
      lateBaseline: false,
    },
    { instrument: "odi", timepoint: "3m", score: 28, detail: {}, date: "2026-04-10", lateBaseline: false },
  ],
  treatments: [{ id: "t1", kind: "bone_marrow_concentrate", date: "2026-01-10" }],
  followUps: [
    { timepoint: "baseline", dueDate: "2026-01-10", status: "completed" },
    { timepoint: "6w", dueDate: "2026-02-21", status: "completed" },
    { timepoint: "3m", dueDate: "2026-04-10", status: "missed" },
    { timepoint: "6m", dueDate: "2026-07-10", status: "upcoming" },
  ],
  diary: [
    { date: "2026-05-30", backPain: 5, legPain: 2, mme: 15 },
    { date: "2026-05-31", backPain: 4, legPain: 2, mme: 0 },
  ],
  adverseEvents: [],
  typical: { usable: true, treated: null, points: [] },
  ...over,
});

describe("the progress report", () => {
  it("reads each score's change against its MCID, from the latest answer before treatment", () => {
    const r = progressReport(data());
    const back = r.scores.find((s) => s.id === "nrs_back")!;
    expect(back.change).toBe("From 7 before treatment to 6 at 6 weeks: not (yet) an important change.");
    expect(back.target).toBe(5);
    const odi = r.scores.find((s) => s.id === "odi")!;
    expect(odi.change).toBe("From 40 before treatment to 28 at 3 months: an important change.");
    expect(odi.mcid).toContain("Ostelo 2008");
    expect(r.scores.map((s) => s.id)).toEqual(["nrs_back", "odi"]);
  });

  it("says plainly when fewer than 30 similar patients answered, and draws the course when they did", () => {
    expect(progressReport(data()).typical.text).toMatch(/^Fewer than 30 similar patients/);
    const shown = progressReport(
      data({
        typical: {
          usable: true,
          treated: 41,
          points: [
            { timepoint: "baseline", median: 7, q1: 6, q3: 8 },
            { timepoint: "6w", median: 5, q1: 3, q3: 6 },
          ],
        },
      }),
    ).typical;
    expect(shown.text).toMatch(/^41 patients of this clinic like you/);
    expect(shown.points).toEqual([
      { label: "Before treatment", median: 7, q1: 6, q3: 8, own: 7 },
      { label: "6 weeks", median: 5, q1: 3, q3: 6, own: 6 },
    ]);
  });

  it("counts follow-ups answered of those due, and never calls a cell therapy approved", () => {
    const r = progressReport(data());
    expect(r.followUps).toEqual(["Answered 2 of the 3 due so far.", "Next: 6 months, due 2026-07-10."]);
    expect(r.treatments[0]).toContain("Investigational: not approved by the FDA for back pain.");
    expect(r.diary.mme).toBe("Opioids: latest 0 MME a day; highest 15.");
  });

  it("is written in Spanish for a Spanish-speaking patient", () => {
    const r = progressReport(data({ language: "es" }));
    expect(r.title).toBe("Informe de evolución");
    expect(r.dated).toBe("Sunrise Spine - informe del 1 de junio de 2026");
    expect(r.treatments[0]).toMatch(
      /^2026-01-10: Inyección de concentrado de médula ósea\. En investigación/,
    );
    expect(r.scores[0]?.change).toBe(
      "De 7 antes del tratamiento a 6 a las 6 semanas: todavía no es un cambio importante.",
    );
    expect(r.scores[1]?.change).toBe("De 40 antes del tratamiento a 28 a los 3 meses: un cambio importante.");
  });
});
