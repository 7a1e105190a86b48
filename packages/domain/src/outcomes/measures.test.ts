import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { citations } from "../citations";
import { findInstrument } from "../instruments";
import type { Answers, InstrumentDefinition } from "../instruments/types";
import {
  findMeasure,
  fromAnswers,
  isCategoryResponse,
  measuredInstruments,
  measureValue,
  outcomeMeasures,
  reachesThreshold,
} from "./measures";
import {
  DIARY_BASELINE_DAYS,
  DIARY_MIN_ENTRIES,
  IMAGING_BASELINE_DAYS,
  sourceNotes,
} from "./source-measures";

/** The measures read from questionnaire answer sets (the diary's and imaging's are tested below). */
const answerMeasures = outcomeMeasures.filter(fromAnswers);

const instrumentOf = (id: string): InstrumentDefinition => {
  const def = findInstrument(id);
  if (!def) throw new Error(`no instrument ${id}`);
  return def;
};

/** A complete, valid answer set for an instrument: every item answered within its options or range. */
const completeAnswers = (def: InstrumentDefinition): fc.Arbitrary<Answers> =>
  fc.record(
    Object.fromEntries(
      def.items.map((item) => [
        item.id,
        item.type === "boolean"
          ? fc.boolean()
          : item.options
            ? fc.constantFrom(...item.options.map((o) => o.value))
            : fc.integer({ min: item.min ?? 0, max: item.max ?? 10 }),
      ]),
    ) as Record<string, fc.Arbitrary<number | boolean>>,
  );

describe("outcome measures", () => {
  it("have unique ids, each naming an instrument that exists, and a score's measure is keyed by its instrument", () => {
    const ids = outcomeMeasures.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const m of answerMeasures) {
      expect(findInstrument(m.instrument), m.id).toBeDefined();
      if (m.value.from === "score") expect(m.id).toBe(m.instrument);
      else expect(m.id.startsWith(`${m.instrument}.`), m.id).toBe(true);
    }
    expect(measuredInstruments).toEqual([
      "nrs_back",
      "nrs_leg",
      "odi",
      "rmdq",
      "peg",
      "promis29",
      "eq5d5l",
      "pgic",
    ]);
  });

  it("cover leg pain, PEG, the seven PROMIS-29 domains and pain rating, both EQ-5D-5L indexes, the EQ VAS and PGIC", () => {
    for (const id of [
      "nrs_leg",
      "peg",
      "promis29.physical_function",
      "promis29.anxiety",
      "promis29.depression",
      "promis29.fatigue",
      "promis29.sleep_disturbance",
      "promis29.social_roles",
      "promis29.pain_interference",
      "promis29.pain_intensity",
      "eq5d5l.index_us",
      "eq5d5l.index_england",
      "eq5d5l",
      "pgic",
    ])
      expect(findMeasure(id), id).toBeDefined();
  });

  it("read a number within the measure's range from every complete answer set, as the instrument scores it", () => {
    for (const instrument of measuredInstruments) {
      const def = instrumentOf(instrument);
      const measures = outcomeMeasures.filter((m) => m.instrument === instrument);
      fc.assert(
        fc.property(completeAnswers(def), (answers) => {
          const result = def.score(answers);
          for (const m of measures) {
            const v = measureValue(m, result.score, result.extras ?? {});
            expect(v, `${m.id} of ${JSON.stringify(answers)}`).not.toBeNull();
            expect(v!).toBeGreaterThanOrEqual(m.range.min);
            expect(v!).toBeLessThanOrEqual(m.range.max);
          }
        }),
        { numRuns: 50 },
      );
    }
  });

  it("read nothing where the instrument could not score the value", () => {
    const domain = findMeasure("promis29.fatigue")!;
    const index = findMeasure("eq5d5l.index_us")!;
    expect(measureValue(domain, null, { domains: { fatigue: { raw: null, tScore: null } } })).toBeNull();
    expect(measureValue(index, 70, { index: null })).toBeNull();
    expect(measureValue(index, 70, {})).toBeNull();
  });

  it("go the direction of the instrument or sub-score they read, over its range", () => {
    for (const m of answerMeasures) {
      const def = instrumentOf(m.instrument);
      const output = m.id.includes(".") ? m.id.slice(m.id.indexOf(".") + 1) : "score";
      const sub = def.subscores?.find((s) => s.id === output);
      if (sub) {
        expect(m.direction, m.id).toBe(sub.direction);
        expect(m.range, m.id).toEqual(sub.range);
      } else {
        expect(m.direction, m.id).toBe(def.direction);
        expect(m.range, m.id).toEqual(def.scoreRange);
      }
    }
  });

  it("take every threshold from a cited source the instrument lists, never from a recalled one", () => {
    for (const m of outcomeMeasures) {
      const source = m.analysis === "category" ? m.source : m.responder?.source;
      const certainty = m.analysis === "category" ? m.certainty : m.responder?.certainty;
      if (source === undefined) {
        // No threshold: the measure says why, or defines its responders (stopped opioids).
        expect(m.analysis === "change" && (m.noResponderReason ?? m.stopped?.note), m.id).toBeTruthy();
        continue;
      }
      expect(citations[source], m.id).toBeDefined();
      expect(instrumentOf(m.instrument).sources, m.id).toContain(source);
      expect(certainty, m.id).not.toBe("recalled");
    }
  });

  it("use a threshold the instrument's own responder rules list", () => {
    for (const m of outcomeMeasures) {
      if (m.analysis !== "change" || m.responder === null) continue;
      const { absolute, source } = m.responder;
      const output = m.id.includes(".") ? m.id.slice(m.id.indexOf(".") + 1) : "score";
      const rules = instrumentOf(m.instrument).responderRules.filter(
        (r) => r.source === source && (r.absolute === undefined || r.absolute === absolute),
      );
      // The EQ-5D-5L rule is stated for "index", which both value sets' indexes share.
      const outputs = rules.map((r) => r.outcome);
      expect(
        outputs.includes(output) || (output.startsWith("index_") && outputs.includes("index")),
        m.id,
      ).toBe(true);
    }
  });

  it("take back pain's, leg pain's, Oswestry's and Roland-Morris's threshold from a score rule the instrument states", () => {
    for (const id of ["nrs_back", "nrs_leg", "odi", "rmdq"]) {
      const m = findMeasure(id)!;
      const threshold = m.analysis === "change" ? m.responder : null;
      const stated = instrumentOf(id).responderRules.filter((r) => r.outcome === "score");
      expect(
        stated.some(
          (r) =>
            r.absolute === threshold?.absolute &&
            r.relative === threshold?.relative &&
            r.source === threshold?.source,
        ),
        id,
      ).toBe(true);
    }
  });

  it("count a higher-is-better improvement upwards: an EQ-5D index gain of 0.08 responds, a loss does not", () => {
    const m = findMeasure("eq5d5l.index_england")!;
    expect(reachesThreshold(m, 0.5, 0.58)).toBe(true);
    expect(reachesThreshold(m, 0.5, 0.57)).toBe(false);
    expect(reachesThreshold(m, 0.58, 0.5)).toBe(false);
    const pf = findMeasure("promis29.physical_function")!;
    expect(reachesThreshold(pf, 40, 43.6)).toBe(true);
    expect(reachesThreshold(pf, 40, 36.4)).toBe(false);
    const fatigue = findMeasure("promis29.fatigue")!;
    expect(reachesThreshold(fatigue, 60, 52.25)).toBe(true);
    expect(reachesThreshold(fatigue, 60, 52.5)).toBe(false);
  });

  it("never call a change a response where no threshold is known (PEG, EQ VAS)", () => {
    for (const id of ["peg", "eq5d5l"]) expect(reachesThreshold(findMeasure(id)!, 10, 0)).toBe(false);
    expect(reachesThreshold(findMeasure("eq5d5l")!, 0, 100)).toBe(false);
  });

  it("count PGIC much or very much improved as a response, and nothing else", () => {
    const m = findMeasure("pgic")!;
    expect([1, 2, 3, 4, 5, 6, 7].filter((v) => isCategoryResponse(m, v))).toEqual([1, 2]);
    expect(isCategoryResponse(findMeasure("odi")!, 1)).toBe(false);
  });

  it("measure opioid use from the diary: mean daily MME (change only) and on opioids, whose responders stopped", () => {
    const mme = findMeasure("diary.mme")!;
    const on = findMeasure("diary.on_opioids")!;
    expect(mme).toMatchObject({ analysis: "change", responder: null, direction: "higher-worse" });
    expect(mme.analysis === "change" && mme.noResponderReason).toMatch(
      /No cited clinically important change/,
    );
    expect(reachesThreshold(mme, 90, 0)).toBe(false);
    expect(on.range).toEqual({ min: 0, max: 1 });
    expect(reachesThreshold(on, 1, 0)).toBe(true);
    for (const [b, a] of [
      [1, 1],
      [0, 0],
      [0, 1],
    ] as const)
      expect(reachesThreshold(on, b, a), `${b} → ${a}`).toBe(false);
    expect([DIARY_BASELINE_DAYS, DIARY_MIN_ENTRIES]).toEqual([14, 3]);
    for (const m of [mme, on]) expect(measureValue(m, 5, { mme: 5 })).toBeNull();
  });

  it("measure imaging change per level: Pfirrmann grade as an ordinal shift, disc height as a mean change, no responders", () => {
    for (const level of ["L1-L2", "L2-L3", "L3-L4", "L4-L5", "L5-S1"]) {
      const grade = findMeasure(`imaging.pfirrmann.${level}`)!;
      const height = findMeasure(`imaging.disc_height.${level}`)!;
      expect(grade).toMatchObject({
        value: { from: "imaging", finding: "pfirrmann", level },
        scale: "ordinal",
        responder: null,
        direction: "higher-worse",
        range: { min: 1, max: 5 },
      });
      expect(height).toMatchObject({
        value: { from: "imaging", finding: "discHeightPercent", level },
        responder: null,
        direction: "higher-better",
      });
      expect(reachesThreshold(grade, 5, 1)).toBe(false);
      expect(reachesThreshold(height, 40, 100)).toBe(false);
    }
    expect(IMAGING_BASELINE_DAYS).toBe(365);
  });

  it("list only questionnaires among the instruments measured", () => {
    expect(measuredInstruments).not.toContain("diary");
    expect(measuredInstruments).not.toContain("imaging");
  });

  it("add a note on the diary's and imaging's rules to a report only when it asks for them", () => {
    expect(sourceNotes(["nrs_back", "odi", "pgic"])).toEqual([]);
    expect(sourceNotes(["diary.on_opioids"])).toEqual([
      expect.stringMatching(/^Opioid use is from the pain diary/),
    ]);
    expect(sourceNotes(["imaging.disc_height.L5-S1", "odi"])).toEqual([
      expect.stringMatching(/^Imaging change per level/),
    ]);
  });
});
