/**
 * Properties every instrument in the library must have, checked on all of them at once: any
 * valid answer set scores within range (or is refused by its missing-data rule with a reason),
 * any invalid answer is refused with an issue naming its item, and each definition is complete
 * content (sources, licence, codes) in the shape the portal renders.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InstrumentView } from "../api/portal";
import { citations } from "../citations";
import { instruments, scoreAnswers } from "./index";
import type { AnswerValue, InstrumentDefinition, Item } from "./types";

function validValue(item: Item): fc.Arbitrary<AnswerValue> {
  if (item.type === "boolean") return fc.boolean();
  if (item.type === "integer") return fc.integer({ min: item.min!, max: item.max! });
  return fc.constantFrom(...item.options!.map((o) => o.value));
}

function invalidValue(item: Item): fc.Arbitrary<unknown> {
  const junk = fc.oneof(fc.string(), fc.constant({}), fc.constant([1]));
  if (item.type === "boolean") return fc.oneof(junk, fc.integer(), fc.constant("true"));
  if (item.type === "integer")
    return fc.oneof(
      junk,
      fc.boolean(),
      fc.integer({ min: item.max! + 1, max: item.max! + 1000 }),
      fc.integer({ min: item.min! - 1000, max: item.min! - 1 }),
      fc.integer({ min: item.min!, max: item.max! - 1 }).map((v) => v + 0.5),
    );
  const allowed = new Set(item.options!.map((o) => o.value));
  return fc.oneof(
    junk,
    fc.boolean(),
    fc.integer({ min: -100, max: 100 }).filter((v) => !allowed.has(v)),
    fc.double({ noNaN: true, noDefaultInfinity: true }).filter((v) => !Number.isInteger(v)),
  );
}

/** Valid answers for every item; with `nilOneIn` > 0, about one answer in that many is null. */
const answerSet = (def: InstrumentDefinition, nilOneIn: number) =>
  fc.record(
    Object.fromEntries(
      def.items.map((item) => [
        item.id,
        nilOneIn > 0 ? fc.option(validValue(item), { nil: null, freq: nilOneIn }) : validValue(item),
      ]),
    ) as Record<string, fc.Arbitrary<AnswerValue>>,
  );

/** Every number an instrument reports beside `score`, with the range it must lie in. */
function subscoreValues(
  def: InstrumentDefinition,
  extras: Record<string, unknown>,
): [string, number | null][] {
  const domains = extras.domains as Record<string, { tScore: number | null }> | undefined;
  const index = extras.index as Record<string, number> | null | undefined;
  return (def.subscores ?? []).map((s) => {
    if (domains && s.id in domains) return [s.id, domains[s.id]!.tScore];
    if (s.id === "pain_intensity") return [s.id, extras.painIntensity as number | null];
    if (s.id.startsWith("index_")) return [s.id, index?.[s.id.slice(6)] ?? null];
    return [s.id, (extras[s.id] as number | undefined) ?? null];
  });
}

describe.each(instruments.map((d) => [d.id, d] as const))("%s", (_id, def) => {
  it("scores any valid answer set within its range, or gives a reason for no score", () => {
    fc.assert(
      fc.property(answerSet(def, 10), (answers) => {
        const { result } = scoreAnswers(def.id, answers);
        if (result.score === null) expect(result.reason).toBeTruthy();
        else {
          expect(result.score).toBeGreaterThanOrEqual(def.scoreRange.min);
          expect(result.score).toBeLessThanOrEqual(def.scoreRange.max);
        }
        for (const [id, v] of subscoreValues(def, result.extras ?? {})) {
          if (v === null) continue;
          const range = def.subscores!.find((s) => s.id === id)!.range;
          expect(v, id).toBeGreaterThanOrEqual(range.min);
          expect(v, id).toBeLessThanOrEqual(range.max);
        }
      }),
    );
  });

  it("scores every complete answer set (PROMIS-29: every domain)", () => {
    fc.assert(
      fc.property(answerSet(def, 0), (answers) => {
        const { result } = scoreAnswers(def.id, answers);
        if (def.id === "promis29") expect(result.extras?.domainsScored).toBe(7);
        else expect(result.score).not.toBeNull();
        for (const [id, v] of subscoreValues(def, result.extras ?? {})) expect(v, id).not.toBeNull();
      }),
    );
  });

  it("refuses any invalid answer with an issue naming its item", () => {
    const bad = fc
      .constantFrom(...def.items)
      .chain((item) => fc.tuple(fc.constant(item), invalidValue(item)));
    fc.assert(
      fc.property(answerSet(def, 3), bad, (answers, [item, value]) => {
        expect(() => scoreAnswers(def.id, { ...answers, [item.id]: value })).toThrowError(
          expect.objectContaining({
            status: 400,
            issues: [{ path: `answers.${item.id}`, message: expect.stringMatching(/^must be /) }],
          }),
        );
      }),
    );
  });

  it("refuses any unknown item id, naming it", () => {
    const known = new Set(def.items.map((i) => i.id));
    const unknown = fc
      .string({ minLength: 1, maxLength: 12 })
      .filter((k) => !known.has(k) && k !== "__proto__");
    fc.assert(
      fc.property(unknown, (key) => {
        expect(() => scoreAnswers(def.id, { [key]: 1 })).toThrowError(
          expect.objectContaining({
            issues: [{ path: `answers.${key}`, message: `unknown item for ${def.id}` }],
          }),
        );
      }),
    );
  });

  it("refuses answers that are not an object", () => {
    for (const raw of [null, 3, "x", [1]]) {
      expect(() => scoreAnswers(def.id, raw)).toThrowError(
        expect.objectContaining({
          issues: [{ path: "answers", message: "answers must be an object keyed by item id" }],
        }),
      );
    }
  });

  it("is complete content in the shape the portal renders", () => {
    const { score: _score, ...data } = def;
    expect(() => InstrumentView.parse({ ...data, items: def.items.map((i) => ({ ...i })) })).not.toThrow();
    expect(new Set(def.items.map((i) => i.id)).size).toBe(def.items.length);
    for (const item of def.items) {
      if (item.type === "choice") expect(item.options?.length, item.id).toBeGreaterThan(1);
      if (item.type === "integer")
        expect(Number.isInteger(item.min) && Number.isInteger(item.max), item.id).toBe(true);
      if (item.group)
        expect(
          def.groups?.some((g) => g.id === item.group),
          item.id,
        ).toBe(true);
    }
    for (const text of [def.scoreMeaning, def.scoringRule, def.missingDataRule, def.licence.terms])
      expect(text.length).toBeGreaterThan(10);
    const cited = [...def.sources, ...def.responderRules.map((r) => r.source)];
    for (const key of cited) if (key) expect(citations, key).toHaveProperty(key);
    for (const rule of def.responderRules) expect(def.sources, rule.source).toContain(rule.source);
    const outputs = new Set(["score", "index", ...(def.subscores ?? []).map((s) => s.id)]);
    for (const rule of def.responderRules) expect(outputs.has(rule.outcome), rule.outcome).toBe(true);
    for (const key of Object.keys(def.codes?.outputs ?? {})) expect(outputs.has(key), key).toBe(true);
    expect(def.codes?.provenance).toBeTruthy();
  });
});

it("has one definition per id", () => {
  expect(instruments.map((d) => d.id)).toEqual([
    "nrs_back",
    "nrs_leg",
    "odi",
    "rmdq",
    "peg",
    "pgic",
    "startback",
    "promis29",
    "eq5d5l",
  ]);
});
