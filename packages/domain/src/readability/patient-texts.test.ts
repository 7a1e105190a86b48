/**
 * Every patient-facing text of the intake, the triage advice, care routing, the consent
 * paragraphs, the decision aid, values clarification, the recovery phases and the education library: each block at
 * reading grade 8 or below,
 * and none stating or implying that a cell therapy is approved or proven for back pain.
 */
import { describe, expect, it } from "vitest";
import { consentReadingBlocks } from "../consent";
import { withEmergencyNumber } from "../emergency-number";
import {
  type AverageComparison,
  decisionAidContent,
  decisionOptions,
  type OutOf100,
  valuesClarification,
} from "../evidence";
import { libraryTopics } from "../library";
import { contactMessage, contactSteps } from "../pathway/contacts";
import { allRecoveryPhases } from "../pathway/recovery";
import {
  classifyProduct,
  clinicianSummary,
  consentParagraphs,
  NOT_APPROVED,
  pathwayLabels,
} from "../regulatory";
import {
  additives,
  intendedFunctions,
  origins,
  processingSteps,
  targets,
  tissues,
} from "../regulatory/product";
import { adviceKinds, careRoutes, intakeQuestions, patientAdvice } from "../triage";
import { readingGrade } from "./reading-grade";

type Text = { where: string; text: string };

const lines = (...parts: (string | undefined)[]) => parts.filter((p) => p !== undefined).join("\n");

const table = (t: OutOf100) =>
  lines(t.peopleLike, t.timeFrame, t.outcome, ...t.rows.map((r) => r.label), t.note);

const average = (a: AverageComparison) =>
  lines(a.peopleLike, a.timeFrame, a.measure, ...a.rows.map((r) => r.label), a.summary, a.note);

/**
 * Patient-facing text as the blocks a reader reads together: a question with its help text, a
 * paragraph, a list of benefits (one item per line), an "out of 100" table with its labels, an
 * option's facts panel. A label of two or three words has no meaningful grade on its own (one long
 * word scores grade 20+), so labels are measured with the block they sit in.
 */
function patientBlocks(): Text[] {
  const blocks: Text[] = [];
  const add = (where: string, text: string | undefined) => {
    if (text !== undefined) blocks.push({ where, text });
  };
  for (const q of intakeQuestions) add(`intake.${q.id}`, lines(q.text, q.help));
  for (const kind of adviceKinds) {
    const a = patientAdvice[kind];
    add(`advice.${kind}.whatToDo`, lines(a.title, a.whatToDo));
    add(`advice.${kind}.why`, a.why);
    add(`advice.${kind}.safetyNet`, a.safetyNet);
  }
  for (const route of Object.values(careRoutes)) add(`route.${route.id}`, route.patientText);
  for (const [i, p] of consentParagraphs.entries()) add(`consent.${i}`, p);
  for (const [key, value] of Object.entries(decisionAidContent))
    if (!["version", "publishedOn", "reviewBy"].includes(key)) add(`content.${key}`, value);
  for (const o of decisionOptions) {
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
  add("values.prompt", lines(valuesClarification.prompt, ...valuesClarification.scale.labels));
  for (const v of valuesClarification.values) add(`values.${v.id}`, lines(v.statement, v.help));
  // Follow-up e-mails, read as one block; without the greeting and the link line (a web
  // address is not prose, and "Hello," alone has no meaningful grade).
  for (const timepoint of ["baseline", "2w"])
    for (const step of contactSteps) {
      const m = contactMessage(
        step,
        { timepoint, windowEnd: "2026-03-20", clinicName: "Spine Clinic", emergencyNumber: "911" },
        "",
      );
      const prose = m.body.split("\n\n").filter((p) => p !== "Hello," && !p.startsWith("Answer it here"));
      add(`contact.${timepoint}.${step.number}`, lines(m.subject, ...prose));
    }
  for (const p of allRecoveryPhases) {
    add(`recovery.${p.id}`, lines(p.title, p.text, ...p.tasks));
    if (p.warning) add(`recovery.${p.id}.warning`, p.warning);
  }
  // The education library: a page's title with its summary, then each section as read.
  for (const t of libraryTopics) {
    add(`library.${t.id}`, lines(t.title, t.summary));
    for (const [i, s] of t.sections.entries())
      add(`library.${t.id}.${i}`, lines(s.heading, ...s.paragraphs.map((p) => p.text)));
  }
  blocks.push(...consentReadingBlocks("en"));
  return blocks;
}

// Measured as the patient reads them: with a clinic's emergency number in place of its placeholder.
const texts = patientBlocks().map((t) => ({ ...t, text: withEmergencyNumber(t.text, "911") }));

describe("patient-facing text", () => {
  it("is measured block by block, and every block is at grade 8 or below", () => {
    const graded = texts.map((t) => ({ ...t, grade: readingGrade(t.text) }));
    const max = graded.reduce((a, b) => (b.grade > a.grade ? b : a));
    // Reported so the measured maximum is visible in the test log.
    console.log(
      `reading grade: ${graded.length} blocks, max ${max.grade.toFixed(2)} (${max.where}), mean ${(
        graded.reduce((s, g) => s + g.grade, 0) / graded.length
      ).toFixed(2)}`,
    );
    expect(graded.filter((g) => g.grade > 8).map((g) => `${g.where}: ${g.grade.toFixed(2)}`)).toEqual([]);
  });

  it("covers every part of the content", () => {
    const parts = new Set(texts.map((t) => t.where.split(".")[0]));
    expect([...parts].sort()).toEqual([
      "advice",
      "consent",
      "consent-check",
      "consent-doc",
      "contact",
      "content",
      "intake",
      "library",
      "option",
      "recovery",
      "route",
      "values",
    ]);
    expect(texts.length).toBeGreaterThan(150);
  });
});

// Claims no text may make about cell therapies. "FDA-approved" and "approved for back pain" are
// allowed only right after "not"; "proven" only as "not proven" or "unproven".
const forbidden: [string, RegExp][] = [
  ["FDA-approved not preceded by 'not'", /(?<!\bnot\s)\bFDA[- ]approved/i],
  ["approved for back pain not preceded by 'not'", /(?<!\bnot\s)(?<!FDA[- ])\bapproved for back pain/i],
  ["proven", /(?<!\bnot\s)(?<!un)\bproven\b/i],
  ["cure", /\bcur(e|es|ed|ing)\b/i],
  ["regenerates your disc", /\bregenerat\w* (your|the) discs?\b/i],
  ["regrows or repairs your disc", /\b(re-?grows?|repairs?) (your|the) discs?\b/i],
  ["safe and effective", /\bsafe and effective\b/i],
];

const violations = (list: readonly Text[]) =>
  list.flatMap(({ where, text }) =>
    forbidden.filter(([, re]) => re.test(text)).map(([name]) => `${where}: ${name}: ${text}`),
  );

describe("forbidden claims", () => {
  it("catches the claims it is meant to catch", () => {
    const probe = (text: string) => violations([{ where: "probe", text }]);
    expect(probe("This treatment is FDA-approved.")).toHaveLength(1);
    expect(probe("It is FDA approved for back pain.")).toHaveLength(1);
    expect(probe("Cells are approved for back pain.")).toHaveLength(1);
    expect(probe("Stem cells are proven to help.")).toHaveLength(1);
    expect(probe("A cure for back pain.")).toHaveLength(1);
    expect(probe("It regenerates your disc.")).toHaveLength(1);
    expect(probe("It is not FDA-approved for back pain.")).toEqual([]);
    expect(probe("It is not proven, and unproven claims abound.")).toEqual([]);
  });

  it("appear in no patient-facing text", () => {
    expect(violations(texts)).toEqual([]);
  });

  it("appear in no regulatory output for any product, clinician summary included", () => {
    const outputs: Text[] = [
      { where: "NOT_APPROVED", text: NOT_APPROVED },
      ...Object.entries(pathwayLabels).map(([k, text]) => ({ where: `label.${k}`, text })),
    ];
    for (const tissue of tissues)
      for (const origin of origins)
        for (const fn of intendedFunctions)
          for (const step of processingSteps)
            for (const same of [true, false]) {
              const a = classifyProduct({
                tissue,
                origin,
                processing: [step],
                sameSurgicalProcedure: same,
                additives: [additives[0]],
                target: targets[0],
                intendedFunction: fn,
              });
              outputs.push({ where: `${tissue}/${origin}/${fn}/${step}/${same}`, text: clinicianSummary(a) });
            }
    expect(violations(outputs)).toEqual([]);
  });

  it("every cell-therapy option says it is investigational and not FDA-approved for back pain, and shows the sham response", () => {
    for (const o of decisionOptions.filter((x) => x.group === "cell-therapy")) {
      expect(o.investigational, o.id).toBe(true);
      expect(o.regulatoryStatus, o.id).toMatch(/not FDA-approved for back pain/i);
      expect(o.shamResponse, o.id).toBeDefined();
    }
  });
});
