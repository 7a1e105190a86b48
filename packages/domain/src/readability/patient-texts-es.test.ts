/**
 * Every Spanish patient-facing text of the domain, block by block as in patient-texts.test.ts,
 * held to the INFLESZ threshold (spanish.ts); the Spanish sets have every key of the English; and
 * none states or implies that a cell therapy is approved, proven or a cure.
 */
import { describe, expect, it } from "vitest";
import { consentReadingBlocks } from "../consent";
import { withEmergencyNumber } from "../emergency-number";
import {
  type AverageComparison,
  aidContent,
  type DecisionOption,
  decisionAidContentEs,
  decisionOptions,
  localizedOptions,
  localizedValues,
  type OutOf100,
  summaryWords,
} from "../evidence";
import { libraryTopics, localizedTopic } from "../library";
import { allRecoveryPhases } from "../pathway/recovery";
import { recoveryPhaseWordsEs } from "../pathway/recovery-es";
import {
  adviceKinds,
  intakeAnswerIds,
  intakeQuestions,
  intakeQuestionsEs,
  patientAdvice,
  patientAdviceEs,
} from "../triage";
import { SPANISH_MIN_PERSPICUITY, spanishPerspicuity } from "./spanish";

type Text = { where: string; text: string };

const lines = (...parts: (string | undefined)[]) => parts.filter((p) => p !== undefined).join("\n");

const table = (t: OutOf100) =>
  lines(t.peopleLike, t.timeFrame, t.outcome, ...t.rows.map((r) => r.label), t.note);

const average = (a: AverageComparison) =>
  lines(a.peopleLike, a.timeFrame, a.measure, ...a.rows.map((r) => r.label), a.summary, a.note);

/** An option's patient text as the blocks a reader reads together, as in patient-texts.test.ts. */
function optionBlocks(options: readonly DecisionOption[]): Text[] {
  const blocks: Text[] = [];
  const add = (where: string, text: string | undefined) => {
    if (text !== undefined) blocks.push({ where, text });
  };
  for (const o of options) {
    const at = `option.${o.id}`;
    add(`${at}.header`, lines(o.name, o.suitableFor, o.whatItIs));
    add(`${at}.whatItIsLike`, o.whatItIsLike);
    add(`${at}.benefits`, lines(...o.benefits));
    add(`${at}.harms`, lines(...o.harms));
    for (const [i, t] of o.outOf100.entries()) add(`${at}.outOf100.${i}`, table(t));
    if (o.shamResponse) add(`${at}.shamResponse`, table(o.shamResponse));
    for (const [i, a] of o.averages.entries()) add(`${at}.averages.${i}`, average(a));
    add(`${at}.noNumbers`, o.noNumbers);
    for (const [i, n] of o.otherNumbers.entries()) add(`${at}.otherNumbers.${i}`, n.text);
    add(`${at}.certaintyNote`, o.certaintyNote);
    add(`${at}.facts`, lines(o.timeToEffect, o.visits.text, o.cost.text, o.regulatoryStatus));
  }
  return blocks;
}

function spanishBlocks(): Text[] {
  const blocks: Text[] = [];
  for (const id of intakeAnswerIds) {
    const q = intakeQuestionsEs[id];
    blocks.push({ where: `intake.${id}`, text: lines(q.text, q.help) });
  }
  for (const kind of adviceKinds) {
    const a = patientAdviceEs[kind];
    blocks.push({ where: `advice.${kind}.whatToDo`, text: lines(a.title, a.whatToDo) });
    blocks.push({ where: `advice.${kind}.why`, text: a.why });
    blocks.push({ where: `advice.${kind}.safetyNet`, text: a.safetyNet });
  }
  // The decision aid, in the same blocks as the English (patient-texts.test.ts).
  const add = (where: string, text: string | undefined) => {
    if (text !== undefined) blocks.push({ where, text });
  };
  const content = aidContent("es");
  for (const key of Object.keys(decisionAidContentEs) as (keyof typeof decisionAidContentEs)[])
    add(`content.${key}`, content[key]);
  blocks.push(...optionBlocks(localizedOptions("es")));
  const values = localizedValues("es");
  add("values.prompt", lines(values.prompt, ...values.scale.labels));
  for (const v of values.values) add(`values.${v.id}`, lines(v.statement, v.help));
  add("summary.fitsNote", summaryWords.es.fitsNote);
  for (const { id } of allRecoveryPhases) {
    const p = recoveryPhaseWordsEs[id];
    if (!p) continue; // recovery.test.ts requires every phase to have its Spanish words
    add(`recovery.${id}`, lines(p.title, p.text, ...p.tasks));
    if (p.warning) add(`recovery.${id}.warning`, p.warning);
  }
  // The education library, in the same blocks as the English (patient-texts.test.ts).
  for (const t of libraryTopics.map((x) => localizedTopic(x, "es"))) {
    add(`library.${t.id}`, lines(t.title, t.summary));
    for (const [i, s] of t.sections.entries())
      add(`library.${t.id}.${i}`, lines(s.heading, ...s.paragraphs.map((p) => p.text)));
  }
  blocks.push(...consentReadingBlocks("es"));
  return blocks;
}

// Measured as the patient reads them: with a clinic's emergency number in place of its placeholder.
const texts = spanishBlocks().map((t) => ({ ...t, text: withEmergencyNumber(t.text, "112") }));

describe("Spanish patient-facing text", () => {
  it(`is measured block by block, and every block scores ${SPANISH_MIN_PERSPICUITY} or more on INFLESZ`, () => {
    const scored = texts.map((t) => ({ ...t, score: spanishPerspicuity(t.text) }));
    const min = scored.reduce((a, b) => (b.score < a.score ? b : a));
    console.log(
      `INFLESZ: ${scored.length} blocks, min ${min.score.toFixed(1)} (${min.where}), mean ${(
        scored.reduce((s, x) => s + x.score, 0) / scored.length
      ).toFixed(1)}`,
    );
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

  it("keeps the advice's kind, tier and safety net (with the emergency number) in every kind", () => {
    for (const kind of adviceKinds) {
      expect(patientAdviceEs[kind].kind).toBe(kind);
      expect(patientAdviceEs[kind].tier).toBe(patientAdvice[kind].tier);
      expect(patientAdviceEs[kind].safetyNet).toMatch(/urgencias .*\{emergencyNumber\}/);
    }
  });
});

describe("the Spanish decision aid", () => {
  it("is measured as a whole: every part, in as many blocks as the English", () => {
    const parts = new Set(texts.map((t) => t.where.split(".")[0]));
    expect([...parts].sort()).toEqual([
      "advice",
      "consent-check",
      "consent-doc",
      "content",
      "intake",
      "library",
      "option",
      "recovery",
      "summary",
      "values",
    ]);
    expect(texts.filter((t) => t.where.startsWith("option.")).map((t) => t.where)).toEqual(
      optionBlocks(decisionOptions).map((t) => t.where),
    );
  });
});

// Claims no Spanish text may make about cell therapies, as the English list in
// patient-texts.test.ts: "aprobado" (by the FDA, or for back pain) and "probado/demostrado" only
// right after a "no" ("no está aprobado por la FDA", "no se ha demostrado"); never "cura" or that
// it regenerates, repairs or regrows the disc; never "seguro y eficaz".
const NOT = String.raw`(?<!\bno\s+(?:(?:se|lo|la|los|las|está|están|es|son|ha|han|sido|fue|fueron)\s+){0,3})`;
const forbidden: [string, RegExp][] = [
  ["aprobado por la FDA without 'no'", new RegExp(`${NOT}\\baprobad[oa]s?\\s+por\\s+la\\s+FDA`, "iu")],
  [
    "aprobado para el dolor de espalda without 'no'",
    new RegExp(`${NOT}\\baprobad[oa]s?\\s+para\\s+el\\s+dolor\\s+de\\s+espalda`, "iu"),
  ],
  ["la FDA lo aprobó", /\bla\s+FDA\s+(?:l[oa]s?\s+)?(?:ha\s+)?aprob(?:ó|aron|ado)(?!\p{L})/iu],
  ["probado o demostrado without 'no'", new RegExp(`${NOT}\\b(?:com)?(?:probad|demostrad)[oa]s?\\b`, "iu")],
  ["cura", /(?<!\p{L})cur(?:a|an|ar|ará|arán|ó|ación|aciones|ativ[oa]s?)(?!\p{L})/iu],
  ["regenera el disco", /\bregener\w*\s+(?:su|sus|el|los|un)\s+discos?\b/iu],
  [
    "repara o hace crecer el disco",
    /\b(?:repar\w*|reconstru\w*|(?:hace|hacen)\s+(?:re)?crecer)\s+(?:su|sus|el|los|un)\s+discos?\b/iu,
  ],
  ["seguro y eficaz", /\bsegur[oa]s?\s+y\s+(?:eficaz|efectiv)/iu],
];

const violations = (list: readonly Text[]) =>
  list.flatMap(({ where, text }) =>
    forbidden.filter(([, re]) => re.test(text)).map(([name]) => `${where}: ${name}: ${text}`),
  );

describe("forbidden claims in Spanish", () => {
  it("catches the claims it is meant to catch", () => {
    const probe = (text: string) => violations([{ where: "probe", text }]);
    expect(probe("Este tratamiento está aprobado por la FDA.")).toHaveLength(1);
    expect(probe("Las células están aprobadas para el dolor de espalda.")).toHaveLength(1);
    expect(probe("La FDA lo aprobó el año pasado.")).toHaveLength(1);
    expect(probe("Está probado que las células madre ayudan.")).toHaveLength(1);
    expect(probe("Se ha demostrado que funciona.")).toHaveLength(1);
    expect(probe("Una cura para el dolor de espalda.")).toHaveLength(1);
    expect(probe("Las células curan la espalda.")).toHaveLength(1);
    expect(probe("Regenera el disco.")).toHaveLength(1);
    expect(probe("Las células reparan su disco.")).toHaveLength(1);
    expect(probe("Es seguro y eficaz.")).toHaveLength(1);
    expect(probe("No está aprobado por la FDA para el dolor de espalda.")).toEqual([]);
    expect(probe("No se ha demostrado que ayude, y no está probado.")).toEqual([]);
    expect(probe("Procure descansar. Es seguro para la mayoría.")).toEqual([]);
  });

  it("appear in no Spanish patient-facing text", () => {
    expect(violations(texts)).toEqual([]);
  });

  it("every cell-therapy option says in Spanish that it is experimental and not approved by the FDA for back pain", () => {
    for (const o of localizedOptions("es").filter((x) => x.group === "cell-therapy")) {
      expect(lines(o.whatItIs, o.regulatoryStatus), o.id).toMatch(/\bexperimental\b/i);
      expect(o.regulatoryStatus, o.id).toMatch(/\bno está aprobado por la FDA para el dolor de espalda\b/i);
      expect(o.shamResponse, o.id).toBeDefined();
    }
  });
});
