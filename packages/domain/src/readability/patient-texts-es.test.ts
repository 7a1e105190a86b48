/**
 * Every Spanish patient-facing text of the domain, block by block as in patient-texts.test.ts,
 * held to the INFLESZ threshold (spanish.ts); and the Spanish sets have every key of the English.
 */
import { describe, expect, it } from "vitest";
import { intakeAnswerIds, intakeQuestions, intakeQuestionsEs, patientAdviceEs, triageTiers } from "../triage";
import { SPANISH_MIN_PERSPICUITY, spanishPerspicuity } from "./spanish";

type Text = { where: string; text: string };

const lines = (...parts: (string | undefined)[]) => parts.filter((p) => p !== undefined).join("\n");

function spanishBlocks(): Text[] {
  const blocks: Text[] = [];
  for (const id of intakeAnswerIds) {
    const q = intakeQuestionsEs[id];
    blocks.push({ where: `intake.${id}`, text: lines(q.text, q.help) });
  }
  for (const tier of triageTiers) {
    const a = patientAdviceEs[tier];
    blocks.push({ where: `advice.${tier}.whatToDo`, text: lines(a.title, a.whatToDo) });
    blocks.push({ where: `advice.${tier}.why`, text: a.why });
    blocks.push({ where: `advice.${tier}.safetyNet`, text: a.safetyNet });
  }
  return blocks;
}

describe("Spanish patient-facing text", () => {
  const texts = spanishBlocks();

  it(`is measured block by block, and every block scores ${SPANISH_MIN_PERSPICUITY} or more on INFLESZ`, () => {
    const scored = texts.map((t) => ({ ...t, score: spanishPerspicuity(t.text) }));
    const min = scored.reduce((a, b) => (b.score < a.score ? b : a));
    console.log(`INFLESZ: ${scored.length} blocks, min ${min.score.toFixed(1)} (${min.where})`);
    expect(
      scored
        .filter((s) => !(s.score >= SPANISH_MIN_PERSPICUITY))
        .map((s) => `${s.where}: ${s.score.toFixed(1)}`),
    ).toEqual([]);
  });

  it("has a Spanish question for every intake question, with a unit for each number", () => {
    for (const q of intakeQuestions) {
      const es = intakeQuestionsEs[q.id];
      expect(es.text.length, q.id).toBeGreaterThan(0);
      expect(es.help.length, q.id).toBeGreaterThan(0);
      expect(es.unit !== undefined, q.id).toBe(q.type === "integer");
    }
  });

  it("keeps the advice's tier and its safety net in every tier", () => {
    for (const tier of triageTiers) {
      expect(patientAdviceEs[tier].tier).toBe(tier);
      expect(patientAdviceEs[tier].safetyNet).toMatch(/urgencias/);
    }
  });
});
