/**
 * Scores as FHIR R4 Observations (category "survey", status "final"), re-derived from the
 * stored answers with the instrument library so they can never disagree with the score.
 *
 * Every Observation.code carries the local score code ("odi", "promis29.anxiety") and, first,
 * the standard code where one exists (the definition's `codes.outputs`): LOINC 72514-3 for the
 * pain ratings, 97909-6 ODI, 91147-9 PEG mean (checked in secondary sources only), 91351-7 and
 * 91350-9 STarT Back total and distress subscore, 71955-9 … 71967-4 PROMIS-29 domain T-scores,
 * SNOMED CT 736534008 / 736535009 EQ-5D-5L index and VAS. Back and leg pain share 72514-3 and
 * differ by a SNOMED CT bodySite (and the local code); the local code tells the US from the
 * England index. PROMIS ability to participate is 77854-8 (71957-5 is *satisfaction* with it).
 *
 * What becomes an Observation, per instrument: the score (integer, or a Quantity for
 * percentages and means); STarT Back also its subscale and group; PGIC its category; PROMIS-29
 * one per scored domain (T-score, with SE and raw sum as components) and the pain rating; EQ-5D
 * the VAS, one index per value set and the 5-digit profile. A value the missing-data rule
 * refuses produces no Observation: the QuestionnaireResponse keeps the answers.
 */
import { scoreEq5d5l } from "../instruments/eq5d5l";
import { odiBand } from "../instruments/odi";
import { pgicCategory } from "../instruments/pgic";
import { promis29Domains, scorePromis29 } from "../instruments/promis29";
import { scoreStartBack } from "../instruments/startback";
import { eq5dValueSetIds, eq5dValueSets } from "../instruments/tables/eq5d5l-value-sets";
import type { Answers, InstrumentDefinition } from "../instruments/types";
import { normalizeAnswers } from "../instruments/validate";
import { fhirId, hl7, local, localSystems } from "./codes";
import { optionCoding } from "./questionnaire";
import type { TokenTest } from "./search";
import type {
  CodeableConcept,
  Observation,
  Patient,
  Quantity,
  QuestionnaireResponse,
  Reference,
} from "./types";

export type ObservationContext = {
  /** When the answers were given (ISO 8601 date-time with offset). */
  effective: string;
  subject?: Reference<Patient>;
  /** The QuestionnaireResponse the scores come from. */
  derivedFrom?: Reference<QuestionnaireResponse>;
  /** "amended" for the scores of a corrected response; "final" otherwise. */
  status?: "final" | "amended";
  /** Gives each Observation an id: "<idPrefix>-<output>" (e.g. the response id). */
  idPrefix?: string;
  /** meta.versionId and lastUpdated (those of the response); the profile is added here. */
  meta?: { versionId: string; lastUpdated: string };
};

/** US Core Observation Survey: a survey category, a code, a Patient subject and an effective time. */
const US_CORE_SURVEY = "http://hl7.org/fhir/us/core/StructureDefinition/us-core-observation-survey";

type Value = Pick<Observation, "valueInteger" | "valueQuantity" | "valueString" | "valueCodeableConcept">;

const quantity = (value: number, unit: string): Quantity => ({ value, unit, system: hl7.ucum, code: unit });

function codeFor(def: InstrumentDefinition, output: string, title: string): CodeableConcept {
  const standard = def.codes?.outputs?.[output];
  const code = output === "score" ? def.id : `${def.id}.${output}`;
  return { coding: [...(standard ? [{ ...standard }] : []), local("scores", code, title)], text: title };
}

function observation(
  def: InstrumentDefinition,
  ctx: ObservationContext,
  output: string,
  title: string,
  value: Value,
  more: Partial<Observation> = {},
): Observation {
  return {
    resourceType: "Observation",
    ...(ctx.idPrefix ? { id: `${ctx.idPrefix}-${fhirId(output)}` } : {}),
    ...(ctx.meta ? { meta: { ...ctx.meta, ...(ctx.subject ? { profile: [US_CORE_SURVEY] } : {}) } } : {}),
    status: ctx.status ?? "final",
    category: [{ coding: [{ system: hl7.observationCategory, code: "survey", display: "Survey" }] }],
    code: codeFor(def, output, title),
    ...(def.codes?.bodySite ? { bodySite: { coding: [{ ...def.codes.bodySite }] } } : {}),
    ...(ctx.subject ? { subject: ctx.subject } : {}),
    effectiveDateTime: ctx.effective,
    ...(ctx.derivedFrom ? { derivedFrom: [ctx.derivedFrom] } : {}),
    ...value,
    ...more,
  };
}

function byInstrument(def: InstrumentDefinition, answers: Answers, ctx: ObservationContext): Observation[] {
  const obs = (output: string, title: string, value: Value, more?: Partial<Observation>) =>
    observation(def, ctx, output, title, value, more);
  const score = def.score(answers).score;
  switch (def.id) {
    case "odi":
      return score === null
        ? []
        : [
            obs(
              "score",
              "ODI score",
              { valueQuantity: quantity(score, "%") },
              { interpretation: [{ text: odiBand(score) }] },
            ),
          ];
    case "peg":
      return score === null
        ? []
        : [obs("score", "PEG score (mean)", { valueQuantity: quantity(score, "{score}") })];
    case "pgic": {
      if (score === null) return [];
      const category = pgicCategory(score);
      const coding = optionCoding(def.items[0]!, score);
      return [obs("score", "PGIC", { valueCodeableConcept: { coding: [coding], text: category } })];
    }
    case "startback": {
      const r = scoreStartBack(answers);
      if ("reason" in r) return [];
      return [
        obs("score", "STarT Back total score", { valueInteger: r.total }),
        obs("subscale", "STarT Back distress subscale", { valueInteger: r.subscale }),
        obs("group", "STarT Back risk group", {
          valueCodeableConcept: {
            coding: [local("categories", `startback.group:${r.group}`, `${r.group} risk`)],
            text: r.group,
          },
        }),
      ];
    }
    case "promis29": {
      const r = scorePromis29(answers);
      const domains = Object.entries(r.domains).flatMap(([id, d]) => {
        if (d.tScore === null) return [];
        const title = `${promis29Domains[id as keyof typeof promis29Domains].title} T-score`;
        return [
          obs(
            id,
            title,
            { valueQuantity: quantity(d.tScore, "{T-score}") },
            {
              component: [
                {
                  code: { coding: [local("scores", "t-score-se", "T-score standard error")] },
                  valueQuantity: quantity(d.se, "{T-score}"),
                },
                { code: { coding: [local("scores", "raw-score", "Raw score")] }, valueInteger: d.raw },
              ],
            },
          ),
        ];
      });
      const pain =
        r.painIntensity === null
          ? []
          : [obs("pain_intensity", "PROMIS pain intensity (0–10)", { valueInteger: r.painIntensity })];
      return [...domains, ...pain];
    }
    case "eq5d5l": {
      const r = scoreEq5d5l(answers);
      const vas = r.vas === null ? [] : [obs("score", "EQ VAS", { valueInteger: r.vas })];
      const index = r.index;
      if (index === null || r.profile === null) return vas;
      return [
        ...vas,
        ...eq5dValueSetIds.map((s) =>
          obs(
            `index_${s}`,
            `EQ-5D-5L index, ${eq5dValueSets[s].title}`,
            { valueQuantity: quantity(index[s], "{score}") },
            {
              method: { text: `value set: ${eq5dValueSets[s].title}` },
            },
          ),
        ),
        obs("profile", "EQ-5D-5L health state", { valueString: r.profile }),
      ];
    }
    case "nrs_back":
    case "nrs_leg":
    case "rmdq":
      return score === null ? [] : [obs("score", def.title, { valueInteger: score })];
    default:
      // A new instrument needs its own mapping; the FHIR tests run over every instrument.
      throw new Error(`no FHIR Observation mapping for instrument ${def.id}`);
  }
}

/** The Observations for one stored response (validate the answers first: see scoreAnswers). */
export function toObservations(
  def: InstrumentDefinition,
  answers: Answers,
  ctx: ObservationContext,
): Observation[] {
  return byInstrument(def, normalizeAnswers(def, answers), ctx);
}

/** Whether a resource's code matches any of the token tests (system|code, code, or |code). */
export function matchesCode(code: CodeableConcept | undefined, tests: readonly TokenTest[]): boolean {
  return tests.some((t) =>
    (code?.coding ?? []).some((c) => c.code === t.code && (t.system === undefined || c.system === t.system)),
  );
}

/**
 * The instruments whose score Observations can carry one of these codes: a local score code names
 * its instrument ("promis29.anxiety"); a standard one is looked up in the definitions. Lets the
 * search narrow the responses it reads before it maps them.
 */
export function instrumentsForCodes(
  defs: readonly InstrumentDefinition[],
  tests: readonly TokenTest[],
): string[] {
  return defs
    .filter((def) =>
      tests.some((t) => {
        const localMatch =
          (t.system === undefined || t.system === localSystems.scores) && t.code.split(".")[0] === def.id;
        const standard = Object.values(def.codes?.outputs ?? {}).some(
          (c) => c.code === t.code && (t.system === undefined || c.system === t.system),
        );
        return localMatch || standard;
      }),
    )
    .map((d) => d.id);
}
