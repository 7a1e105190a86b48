/**
 * The demo generator's pure parts: the seeded streams and ids, the clinical model, the answer
 * sets and the COPY encoding. (Kept in the integration project with the rest of the CLI's tests;
 * nothing here touches the database.)
 */
import { getInstrument, validateAnswers } from "@evident/domain/instruments";
import { describe, expect, it } from "vitest";
import {
  nrsBackAnswers,
  nrsLegAnswers,
  odiAnswers,
  pegAnswers,
  pgicAnswers,
  startBackAnswers,
} from "../src/demo/answers";
import { eq5dAnswers, promis29Answers } from "../src/demo/answers-profiles";
import { instant, json, text, textArray } from "../src/demo/copy";
import { dayOf } from "../src/demo/days";
import { buildPatient } from "../src/demo/patient";
import { createRandom } from "../src/demo/random";
import { emptyRows } from "../src/demo/rows";
import { type Course, drawCourse, nrsAt, odiAt, procedureEffects } from "../src/demo/trajectories";

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe("seeded streams", () => {
  it("repeat exactly for the same seed and stream", () => {
    const draw = (seed: number, stream: number) => {
      const r = createRandom(seed, stream);
      return Array.from({ length: 20 }, () => r.uint32());
    };
    expect(draw(7, 3)).toEqual(draw(7, 3));
    expect(draw(7, 3)).not.toEqual(draw(7, 4));
    expect(draw(7, 3)).not.toEqual(draw(8, 3));
  });

  it("start every stream of a seed in a different state, so 100k patients never share ids", () => {
    const firsts = new Set(Array.from({ length: 100_000 }, (_, i) => createRandom(1, i).uuid(0)));
    expect(firsts.size).toBe(100_000);
  });

  it("draw uniform numbers in [0, 1) and normals with the asked mean and spread", () => {
    const r = createRandom(42, 0);
    const u = Array.from({ length: 50_000 }, () => r.next());
    expect(Math.min(...u)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...u)).toBeLessThan(1);
    expect(mean(u)).toBeCloseTo(0.5, 2);
    const z = Array.from({ length: 50_000 }, () => r.normal(10, 2));
    const m = mean(z);
    expect(m).toBeCloseTo(10, 1);
    expect(Math.sqrt(mean(z.map((x) => (x - m) ** 2)))).toBeCloseTo(2, 1);
  });

  it("makes UUIDv7-shaped ids carrying the synthetic millisecond timestamp", () => {
    const at = Date.UTC(2025, 5, 1, 10, 30);
    const id = createRandom(1, 1).uuid(at);
    expect(id).toMatch(UUID_V7);
    expect(Number.parseInt(id.replace(/-/g, "").slice(0, 12), 16)).toBe(at);
  });
});

function course(overrides: Partial<Course> = {}): Course {
  return {
    usual: 36,
    flare: 8,
    flareDays: 30,
    improvement: 0.3,
    courseDays: 60,
    nrsAtEnrolment: 6.5,
    legShare: 0.4,
    distress: 0,
    effects: [],
    ...overrides,
  };
}

describe("the clinical model", () => {
  it("regresses to the mean: the enrolment flare fades even with no improvement at all", () => {
    const c = course({ improvement: 0 });
    expect(odiAt(c, 0)).toBeCloseTo(44, 6);
    expect(odiAt(c, 365)).toBeCloseTo(36, 1);
  });

  it("gives cell therapies no benefit over conservative care, only a few days of soreness", () => {
    for (const kind of ["bone_marrow_concentrate", "adipose_derived_cells"] as const) {
      const cell = course({ effects: [{ day: 20, ...procedureEffects[kind]! }] });
      const physio = course({ effects: [{ day: 20, ...procedureEffects.exercise_physiotherapy! }] });
      expect(odiAt(cell, 34)).toBeGreaterThan(odiAt(physio, 34)); // 2 weeks: sorer
      for (const day of [62, 110, 200, 385]) expect(odiAt(cell, day)).toBeCloseTo(odiAt(physio, day), 1);
    }
  });

  it("lets the relief of a steroid injection and of discectomy fade towards the natural course", () => {
    const natural = course();
    const esi = course({ effects: [{ day: 0, ...procedureEffects.epidural_steroid_injection! }] });
    const discectomy = course({ effects: [{ day: 0, ...procedureEffects.discectomy! }] });
    expect(odiAt(natural, 14) - odiAt(esi, 14)).toBeGreaterThan(3);
    expect(odiAt(natural, 365) - odiAt(esi, 365)).toBeLessThan(0.01);
    expect(odiAt(natural, 365) - odiAt(discectomy, 365)).toBeLessThan(0.5); // a fifth of a point
  });

  it("restarts the course at a later operation from where the patient is that day", () => {
    const c = course({ improvement: 0, surgery: { day: 200, improvement: 0.5, courseDays: 30 } });
    expect(odiAt(c, 200)).toBeCloseTo(odiAt(course({ improvement: 0 }), 200), 6);
    expect(odiAt(c, 500)).toBeLessThan(0.6 * odiAt(c, 200));
  });

  it("keeps pain in step with disability and both within their scales", () => {
    const r = createRandom(3, 0);
    for (let i = 0; i < 2000; i++) {
      const c = drawCourse(r, 42, 0);
      for (const day of [0, 30, 180, 400]) {
        expect(odiAt(c, day)).toBeGreaterThanOrEqual(0);
        expect(odiAt(c, day)).toBeLessThanOrEqual(100);
        expect(nrsAt(c, day)).toBeGreaterThanOrEqual(0);
        expect(nrsAt(c, day)).toBeLessThanOrEqual(10);
      }
      if (c.improvement > 0) expect(nrsAt(c, 400)).toBeLessThan(nrsAt(c, 0));
    }
  });
});

describe("answer sets", () => {
  it("score with the instrument library, near the target, with at most one ODI section blank", () => {
    const r = createRandom(9, 0);
    const odi = getInstrument("odi");
    const errors: number[] = [];
    for (let i = 0; i < 5000; i++) {
      const target = 10 + (i % 70);
      const a = odiAnswers(r, target);
      expect(Object.keys(a.answers)).toEqual(odi.items.map((it) => it.id));
      expect(Object.values(a.answers).filter((v) => v === null).length).toBeLessThanOrEqual(1);
      expect(a.score).toBe(odi.score(a.answers).score);
      expect(a.version).toBe(odi.version);
      expect(a.detail.band).toBeDefined();
      errors.push(a.score! - target);
    }
    expect(Math.abs(mean(errors))).toBeLessThan(1.5);
    expect(Math.sqrt(mean(errors.map((e) => e * e)))).toBeLessThan(6);
  });

  it("answers NRS back pain as one whole number from 0 to 10", () => {
    const r = createRandom(9, 1);
    for (const target of [0, 0.2, 5.5, 9.9, 10]) {
      const a = nrsBackAnswers(r, target);
      expect(Object.keys(a.answers)).toEqual(["nrs_back"]);
      expect(Number.isInteger(a.answers.nrs_back)).toBe(true);
      expect(a.score).toBe(a.answers.nrs_back);
    }
  });
});

describe("answer sets for the rest of the plan", () => {
  const r = createRandom(11, 0);
  const many = <T>(n: number, f: (i: number) => T) => Array.from({ length: n }, (_, i) => f(i));

  it("answer every item validly and are scored by the library, for every instrument", () => {
    for (let i = 0; i < 500; i++) {
      const odi = 10 + (i % 70);
      const nrs = odi / 10 + 2;
      const d = r.normal(0, 1);
      for (const a of [
        nrsLegAnswers(r, nrs * 0.8),
        pegAnswers(r, nrs, odi, d),
        pgicAnswers(r, r.uniform(-0.4, 0.8)),
        startBackAnswers(r, nrs, odi, r.uniform(0.1, 1.3), d),
        promis29Answers(r, nrs, odi, d),
        eq5dAnswers(r, nrs, odi, d),
      ]) {
        const def = getInstrument(a.instrument);
        expect(Object.keys(a.answers).sort()).toEqual(def.items.map((it) => it.id).sort());
        expect(validateAnswers(def, a.answers)).toEqual([]);
        const result = def.score(a.answers);
        expect(a.score).toBe(result.score);
        // Stored as the app stores it: the extras, and the reason when there is no score.
        expect(a.detail).toEqual({ ...result.extras, ...(result.reason ? { reason: result.reason } : {}) });
        expect(a.version).toBe(def.version);
      }
    }
  });

  it("keep the PEG close to the pain rating", () => {
    const gaps = many(2000, (i) => {
      const nrs = 2 + (i % 8);
      return pegAnswers(r, nrs, nrs * 6, r.normal(0, 1)).score! - nrs;
    });
    expect(Math.abs(mean(gaps))).toBeLessThan(0.8);
    expect(Math.sqrt(mean(gaps.map((g) => g * g)))).toBeLessThan(1.6);
  });

  it("move PROMIS physical function down and pain interference up with disability", () => {
    const t = (odi: number, domain: "physical_function" | "pain_interference") =>
      mean(
        many(400, () => {
          const detail = promis29Answers(r, odi / 8, odi, r.normal(0, 1)).detail as {
            domains: Record<string, { tScore: number }>;
          };
          return detail.domains[domain]!.tScore;
        }),
      );
    expect(t(40, "physical_function")).toBeGreaterThan(38);
    expect(t(40, "physical_function")).toBeLessThan(46);
    expect(t(40, "pain_interference")).toBeGreaterThan(56);
    expect(t(40, "pain_interference")).toBeLessThan(63);
    expect(t(15, "physical_function")).toBeGreaterThan(t(60, "physical_function") + 8);
  });

  it("put more disabled, distressed patients in higher STarT Back groups", () => {
    const share = (odi: number, distress: number, group: string) =>
      many(1000, () => startBackAnswers(r, odi / 7, odi, 0.4, distress)).filter(
        (a) => a.detail.group === group,
      ).length / 1000;
    expect(share(60, 1, "high")).toBeGreaterThan(share(25, -1, "high") + 0.3);
    expect(share(25, -1, "low")).toBeGreaterThan(0.6);
  });

  it("rate change on the PGIC in line with the improvement", () => {
    const category = (improvement: number) => mean(many(1000, () => pgicAnswers(r, improvement).score!));
    expect(category(0.6)).toBeLessThan(1.8); // mostly very much or much improved
    expect(category(0)).toBeGreaterThan(3);
    expect(category(0)).toBeLessThan(4.5);
    expect(category(-0.3)).toBeGreaterThan(5);
  });

  it("give the EQ-5D a worse profile and a lower VAS with more disability", () => {
    const vas = (odi: number) => mean(many(1000, () => eq5dAnswers(r, odi / 8, odi, 0).score!));
    expect(vas(20)).toBeGreaterThan(vas(60) + 15);
    const mobility = (odi: number) =>
      mean(many(1000, () => eq5dAnswers(r, odi / 8, odi, 0).answers.eq5d_mo!));
    expect(mobility(60)).toBeGreaterThan(mobility(20) + 1.5);
  });
});

describe("one synthetic patient", () => {
  const clinic = {
    id: "c",
    name: "Test clinic",
    mrnPrefix: "T",
    registrarId: "r",
    clinicianId: "k",
    clinicianName: "Dr K",
    emergencyNumber: "911",
    timeZone: "America/New_York",
  };
  const build = (index: number) => {
    const rows = emptyRows();
    const ctx = {
      todayDay: dayOf("2026-06-01"),
      index,
      count: 1000,
      clinic,
      portalPasswordHash: "h",
      baseUrl: "http://localhost:3000",
    };
    buildPatient(createRandom(5, index), ctx, rows);
    return rows;
  };

  it("is the same every time it is built from the same stream", () => {
    expect(build(17)).toEqual(build(17));
  });

  it("answers only inside windows and never on or after today", () => {
    for (let i = 0; i < 300; i++) {
      const rows = build(i);
      for (const r of rows.responses) {
        const f = rows.followUps.find((x) => x.id === r.followUpId)!;
        const day = new Date(r.completedAt).toISOString().slice(0, 10);
        expect(day >= f.windowStart && day <= f.windowEnd).toBe(true);
        expect(day < "2026-06-01").toBe(true);
        expect(f.status).toBe("completed");
      }
    }
  });
});

describe("COPY encoding", () => {
  it("escapes backslash, tab and line breaks, and quotes array elements that need it", () => {
    expect(text("a\\b\tc\nd\re")).toBe("a\\\\b\\tc\\nd\\re");
    expect(textArray(["L4-L5", "L5-S1"])).toBe("{L4-L5,L5-S1}");
    expect(textArray(['a "b"', "NULL", ""])).toBe('{"a \\\\"b\\\\"","NULL",""}');
  });

  it("writes instants in UTC to the millisecond and JSON as JSON", () => {
    const ms = Date.UTC(2025, 0, 2, 3, 4, 5, 6);
    expect(instant(ms)).toBe("2025-01-02 03:04:05.006+00");
    expect(instant(null)).toBe("\\N");
    const v = { odi_1: 2, odi_8: null, band: "moderate disability", x: [1, "a"], y: Number.NaN };
    expect(JSON.parse(json(v))).toEqual({ ...v, y: null });
    expect(json(42.5)).toBe("42.5");
  });
});
