import { describe, expect, it } from "vitest";
import type { OutcomeRow } from "../api";
import { citations } from "../citations";
import { readingGrade } from "../readability/reading-grade";
import { SPANISH_MIN_PERSPICUITY, spanishPerspicuity } from "../readability/spanish";
import { safeCount, trackRecordCaveats, trackRecordSide } from "./track-record";

/** Every number anywhere in a value. */
const numbers = (v: unknown): number[] =>
  typeof v === "number"
    ? [v]
    : Array.isArray(v)
      ? v.flatMap(numbers)
      : v && typeof v === "object"
        ? Object.values(v).flatMap(numbers)
        : [];

const measure = (instrument: string, n: number, responders: number) => ({
  instrument,
  n,
  answered: n,
  suppressed: n < 11,
  baselineMean: 40,
  followUpMean: 30,
  meanChange: n < 11 ? null : -10.04,
  meanChangeCI: n < 11 ? null : ([-14.2, -5.9] as [number, number]),
  responders: n < 11 ? null : responders,
  responderShare: n < 11 ? null : responders / n,
  responderShareCI: n < 11 ? null : ([0.3, 0.7] as [number, number]),
  responderRange: null,
  responderRule: "improved by ≥ 10 points or ≥ 30% (Ostelo 2008)",
});

const row = (
  timepoint: string,
  due: number,
  responded: number,
  analysed: number,
  responders: number,
): OutcomeRow => ({
  treatmentKind: "medication",
  timepoint,
  due,
  responded,
  missed: due - responded,
  pending: 0,
  completeness: { closed: due, responded, share: null, shareCI: null },
  measures: [measure("odi", analysed, responders), measure("nrs_back", analysed, responders)],
});

describe("a track record's counts", () => {
  it("hides a count of 1 to 10, and one within 1 to 10 of a figure beside it", () => {
    expect(safeCount(0)).toEqual({ n: 0, hidden: null });
    expect(safeCount(7)).toEqual({ n: null, hidden: "fewer-than-11" });
    expect(safeCount(11)).toEqual({ n: 11, hidden: null });
    expect(safeCount(40, [45])).toEqual({ n: null, hidden: "all-but-fewer-than-11" });
    expect(safeCount(45, [40])).toEqual({ n: null, hidden: "would-reveal-a-small-count" });
    expect(safeCount(40, [40, 51, null])).toEqual({ n: 40, hidden: null });
  });

  it("gives no number from 1 to 10, whatever the counts", () => {
    for (let treated = 0; treated <= 60; treated += 3)
      for (let answered = 0; answered <= treated; answered += 4) {
        const responders = Math.floor(answered / 2);
        const side = trackRecordSide("medication", {
          treated,
          rows: [row("12m", treated, answered, answered, responders)],
          survival: [
            { treatmentKind: "medication", days: 400, surgery: false, count: treated - 3 },
            { treatmentKind: "medication", days: 200, surgery: true, count: 3 },
          ],
          adverseEvents: { serious: treated % 13, notSerious: treated },
        });
        expect(
          numbers(side).filter((n) => n >= 1 && n <= 10),
          `${treated}/${answered}`,
        ).toEqual([]);
      }
  });

  it("gives the estimates as decimal strings, and the share only where neither side of it is small", () => {
    const side = trackRecordSide("medication", {
      treated: 60,
      rows: [row("12m", 60, 60, 60, 30)],
      survival: [],
      adverseEvents: { serious: 0, notSerious: 0 },
    });
    const odi = side.timepoints[0]?.measures[0];
    expect(odi?.meanChange).toEqual({ value: "-10.0", low: "-14.2", high: "-5.9" });
    expect(odi?.responders).toEqual({ n: 30, hidden: null });
    expect(odi?.responderShare?.value).toBe("50");
    const skewed = trackRecordSide("medication", {
      treated: 60,
      rows: [row("12m", 60, 60, 60, 55)],
      survival: [],
      adverseEvents: { serious: 0, notSerious: 0 },
    });
    expect(skewed.timepoints[0]?.measures[0]?.responderShare).toBeNull();
  });

  it("checks the network's counts against the clinic's", () => {
    const clinic = { treated: 40, rows: [], survival: [], adverseEvents: { serious: 0, notSerious: 12 } };
    const network = { treated: 45, rows: [], survival: [], adverseEvents: { serious: 0, notSerious: 30 } };
    const side = trackRecordSide("medication", network, clinic);
    expect(side.treated).toEqual({ n: null, hidden: "would-reveal-a-small-count" });
    expect(side.adverseEvents.notSerious).toEqual({ n: 30, hidden: null });
  });
});

describe("what a track record cannot show", () => {
  for (const c of trackRecordCaveats) {
    it(`${c.id} cites known sources`, () => {
      expect(c.sources.length).toBeGreaterThan(0);
      for (const k of c.sources) expect(citations).toHaveProperty(k);
    });
    it(`${c.id} reads at grade 8 or below in English`, () => {
      expect(readingGrade(c.en), c.en).toBeLessThanOrEqual(8);
    });
    it(`${c.id} scores ${SPANISH_MIN_PERSPICUITY} or more on INFLESZ in Spanish`, () => {
      expect(spanishPerspicuity(c.es), c.es).toBeGreaterThanOrEqual(SPANISH_MIN_PERSPICUITY);
    });
  }
});
