import type { InstrumentView } from "@evident/domain/api";
import { describe, expect, it } from "vitest";
import {
  answeredCount,
  answerLabel,
  buildSteps,
  draftOf,
  englishLabels,
  instrumentsFor,
  isSlider,
  issueTarget,
  missingSteps,
  optionsOf,
  sheetOf,
  stemOf,
  toBatch,
  withAnswer,
} from "./answers";

const base = {
  version: "1",
  recallPeriod: "",
  instructions: "",
  scoreRange: { min: 0, max: 10 },
  direction: "higher-worse" as const,
  licence: { holder: "", terms: "", agreementNeeded: false },
};
const nrs: InstrumentView = {
  ...base,
  id: "nrs_back",
  title: "Back pain",
  shortTitle: "Back pain",
  items: [{ id: "nrs_back", text: "How bad?", type: "integer", min: 0, max: 10 }],
};
const odi: InstrumentView = {
  ...base,
  id: "odi",
  title: "ODI",
  shortTitle: "ODI",
  items: [1, 2, 3].map((i) => ({
    id: `odi_${i}`,
    text: `Section ${i}`,
    type: "choice" as const,
    options: [0, 1, 2].map((v) => ({ value: v, label: `Statement ${v}` })),
    optional: i === 2,
  })),
};

describe("questionnaire steps", () => {
  it("makes one step per item, numbered within its instrument", () => {
    const steps = buildSteps([nrs, odi]);
    expect(steps.map((s) => s.item.id)).toEqual(["nrs_back", "odi_1", "odi_2", "odi_3"]);
    expect(steps[2]).toMatchObject({ index: 2, of: 3 });
  });

  it("orders instruments as the follow-up lists them and skips unknown ones", () => {
    expect(instrumentsFor(["odi", "nope", "nrs_back"], [nrs, odi]).map((i) => i.id)).toEqual([
      "odi",
      "nrs_back",
    ]);
  });

  it("treats a zero answer as answered and optional items as never missing", () => {
    const steps = buildSteps([nrs, odi]);
    let sheet = withAnswer({}, "nrs_back", "nrs_back", 0);
    sheet = withAnswer(sheet, "odi", "odi_1", 2);
    expect(missingSteps(steps, sheet).map((s) => s.item.id)).toEqual(["odi_3"]);
  });
});

describe("submitting", () => {
  it("sends every instrument in one batch with skipped items as null", () => {
    const sheet = withAnswer(withAnswer({}, "nrs_back", "nrs_back", 7), "odi", "odi_1", 1);
    expect(toBatch([nrs, odi], sheet, "f-1")).toEqual({
      followUpId: "f-1",
      responses: [
        { instrument: "nrs_back", answers: { nrs_back: 7 } },
        { instrument: "odi", answers: { odi_1: 1, odi_2: null, odi_3: null } },
      ],
    });
  });

  it("finds the item a server issue names", () => {
    expect(issueTarget("responses.1.answers.odi_3", [nrs, odi])).toEqual({
      instrumentId: "odi",
      itemId: "odi_3",
    });
    expect(issueTarget("responses.0.instrument", [nrs, odi])).toEqual({
      instrumentId: "nrs_back",
      itemId: null,
    });
    expect(issueTarget("followUpId", [nrs, odi])).toBeNull();
  });

  it("labels answers in the patient's words", () => {
    const item = odi.items[0]!;
    expect(answerLabel(item, 2)).toBe("Statement 2");
    expect(answerLabel(odi.items[1]!, undefined)).toBe("Skipped");
    expect(answerLabel(item, undefined)).toBe("Not answered");
  });
});

describe("item kinds", () => {
  const vas = { id: "eq5d_vas", text: "Health today", type: "integer" as const, min: 0, max: 100 };
  const yesNo = { id: "rmdq_1", text: "I stay at home", type: "boolean" as const };
  const promis = {
    id: "EDANX01",
    text: "I felt fearful",
    type: "choice" as const,
    context: "In the past 7 days",
    options: [{ value: 1, label: "Never" }],
  };
  const pf = { ...promis, id: "PFA11", context: "Are you able to...", text: "Are you able to run errands?" };

  it("draws a 0–100 rating as a slider and a 0–10 one as tiles", () => {
    expect(isSlider(vas)).toBe(true);
    expect(isSlider(nrs.items[0]!)).toBe(false);
  });

  it("gives yes/no items Yes and No in the page's language", () => {
    expect(optionsOf(yesNo, { ...englishLabels, yes: "Sí" })?.map((o) => o.label)).toEqual(["Sí", "No"]);
    expect(answerLabel(yesNo, false)).toBe("No");
  });

  it("prints a stem before a statement, not before a question that already starts with it", () => {
    expect(stemOf(promis)).toBe("In the past 7 days…");
    expect(stemOf(pf)).toBeUndefined();
    expect(stemOf(nrs.items[0]!)).toBeUndefined();
  });
});

describe("drafts", () => {
  it("store only the answers given, and come back as the same sheet", () => {
    const sheet = withAnswer(withAnswer({}, "nrs_back", "nrs_back", 0), "odi", "odi_1", undefined);
    expect(draftOf(sheet)).toEqual({ nrs_back: { nrs_back: 0 }, odi: {} });
    expect(sheetOf({ nrs_back: { nrs_back: 0 }, odi: { odi_2: null } })).toEqual({
      nrs_back: { nrs_back: 0 },
      odi: {},
    });
    expect(answeredCount(buildSteps([nrs, odi]), sheet)).toBe(1);
  });
});
