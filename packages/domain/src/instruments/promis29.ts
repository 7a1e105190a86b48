/**
 * PROMIS-29 Profile v2.1 (HealthMeasures scoring manual, 2021): seven 4-item domains, each raw
 * sum (4–20) looked up in its table for a T-score (US general population mean 50, SD 10) and its
 * SE, plus the 0–10 pain intensity item (Global07) reported raw.
 *
 * Why `score` is always null: the profile has no single total. Its result is the seven domain
 * T-scores (each with its own direction: Physical Function and Ability to Participate are
 * higher = better, the five symptom domains higher = worse) and the pain rating, all in
 * `extras`. A null score keeps anything that averages `score` from mixing domains.
 *
 * Missing data: the tables apply to complete domains only. A domain with an unanswered item gets
 * no T-score (HealthMeasures: response-pattern scoring would tolerate gaps; out of scope here);
 * the other domains are still scored. T and SE are kept as the tables print them (one decimal);
 * HealthMeasures displays them rounded to integers, which is the presenter's job.
 */
import { promis29Items } from "./promis29-items";
import { type Promis29DomainId, promis29DomainIds, promis29TScores } from "./tables/promis29-v2.1";
import {
  type Answers,
  type Coding,
  codeSystems,
  type InstrumentDefinition,
  type ItemGroup,
  type Subscore,
} from "./types";

export type { Promis29DomainId } from "./tables/promis29-v2.1";

type DomainInfo = {
  title: string;
  direction: "higher-worse" | "higher-better";
  recall: string;
  loinc: Coding;
};

const loinc = (code: string, display: string): Coding => ({ system: codeSystems.loinc, code, display });

export const promis29Domains: Readonly<Record<Promis29DomainId, DomainInfo>> = {
  physical_function: {
    title: "Physical Function",
    direction: "higher-better",
    recall: "no time frame (current ability)",
    loinc: loinc("71959-1", "PROMIS-29 Physical function score T-score"),
  },
  anxiety: {
    title: "Anxiety",
    direction: "higher-worse",
    recall: "past 7 days",
    loinc: loinc("71967-4", "PROMIS-29 Anxiety score T-score"),
  },
  depression: {
    title: "Depression",
    direction: "higher-worse",
    recall: "past 7 days",
    loinc: loinc("71965-8", "PROMIS-29 Depression score T-score"),
  },
  fatigue: {
    title: "Fatigue",
    direction: "higher-worse",
    recall: "past 7 days",
    loinc: loinc("71963-3", "PROMIS-29 Fatigue score T-score"),
  },
  sleep_disturbance: {
    title: "Sleep Disturbance",
    direction: "higher-worse",
    recall: "past 7 days",
    loinc: loinc("71955-9", "PROMIS-29 Sleep disturbance score T-score"),
  },
  social_roles: {
    title: "Ability to Participate in Social Roles and Activities",
    direction: "higher-better",
    recall: "past 7 days",
    // 77854-8 "PROMIS ability to participate in social roles and activities - version 2.0
    // Tscore": the T-score of the v2.0 item bank, which the PROMIS-29 v2.x profile's 4a form is
    // scored on. Sources: the MII PRO implementation guide's ObservationDefinition for the
    // PROMIS-29 social-function T-score (mii-obsdef-pro-promis-29-social-function-tscore) codes
    // it so; the PCOR-MII guide's PROMIS-16/29 comparison, checked against LOINC 2.83, lists it
    // as the bank-level T-score and notes LOINC has no v2 profile-specific code for this domain;
    // it sits in LOINC's run of PROMIS "- version 2.0 Tscore" terms (77853-0 is companionship).
    // Not 71957-5 "PROMIS-29 Satisfaction with participation in social roles score T-score":
    // that is the v1.0 domain, a different construct with its own calibration.
    loinc: loinc(
      "77854-8",
      "PROMIS ability to participate in social roles and activities - version 2.0 Tscore",
    ),
  },
  pain_interference: {
    title: "Pain Interference",
    direction: "higher-worse",
    recall: "past 7 days",
    loinc: loinc("71961-7", "PROMIS-29 Pain interference score T-score"),
  },
};

const painIntensityCode = loinc("72514-3", "Pain severity - 0-10 verbal numeric rating [Score] - Reported");

const groups: ItemGroup[] = [
  ...promis29DomainIds.map((id) => ({
    id,
    title: promis29Domains[id].title,
    recall: promis29Domains[id].recall,
  })),
  { id: "pain_intensity", title: "Pain Intensity", recall: "past 7 days" },
];

const itemsByDomain = Object.fromEntries(
  promis29DomainIds.map((d) => [d, promis29Items.filter((i) => i.group === d).map((i) => i.id)]),
) as Record<Promis29DomainId, string[]>;

const allT = promis29DomainIds.flatMap((d) => promis29TScores[d].map(([, t]) => t));
const tRange = { min: Math.min(...allT), max: Math.max(...allT) };

export type DomainScore =
  | { raw: number; tScore: number; se: number }
  | { raw: null; tScore: null; se: null; reason: string };

export type Promis29Score = {
  domains: Record<Promis29DomainId, DomainScore>;
  /** Global07 as answered, 0–10, or null. */
  painIntensity: number | null;
  domainsScored: number;
};

/** The T-score and SE for a complete domain's raw sum (4–20). */
export function promis29TScore(domain: Promis29DomainId, raw: number): { tScore: number; se: number } {
  const row = promis29TScores[domain].find(([r]) => r === raw);
  if (!row) throw new RangeError(`${domain}: raw score ${raw} is outside 4–20`);
  return { tScore: row[1], se: row[2] };
}

function scoreDomain(domain: Promis29DomainId, answers: Answers): DomainScore {
  const values = itemsByDomain[domain].map((id) => answers[id]);
  const answered = values.filter((v): v is number => typeof v === "number");
  const missing = values.length - answered.length;
  if (missing > 0)
    return {
      raw: null,
      tScore: null,
      se: null,
      reason: `${missing} of 4 items unanswered; all 4 are needed`,
    };
  const raw = answered.reduce((a, b) => a + b, 0);
  return { raw, ...promis29TScore(domain, raw) };
}

export function scorePromis29(answers: Answers): Promis29Score {
  const domains = Object.fromEntries(promis29DomainIds.map((d) => [d, scoreDomain(d, answers)])) as Record<
    Promis29DomainId,
    DomainScore
  >;
  const pain = answers.Global07;
  return {
    domains,
    painIntensity: typeof pain === "number" ? pain : null,
    domainsScored: Object.values(domains).filter((d) => d.tScore !== null).length,
  };
}

const subscores: Subscore[] = [
  ...promis29DomainIds.map((id) => ({
    id,
    title: `${promis29Domains[id].title} T-score`,
    range: { min: promis29TScores[id][0]![1], max: promis29TScores[id].at(-1)![1] },
    direction: promis29Domains[id].direction,
  })),
  {
    id: "pain_intensity",
    title: "Pain intensity (0–10)",
    range: { min: 0, max: 10 },
    direction: "higher-worse",
  },
];

export const NO_SINGLE_SCORE =
  "PROMIS-29 has no single score: see domains (T-score and SE each) and painIntensity";

export const promis29: InstrumentDefinition = {
  id: "promis29",
  version: "2.1",
  title: "PROMIS-29 Profile v2.1",
  shortTitle: "PROMIS-29",
  recallPeriod: "past 7 days (Physical Function: no time frame)",
  instructions: "Please answer each question or statement by choosing one response.",
  items: promis29Items,
  groups,
  scoreMeaning:
    "None: `score` is always null. The result is a T-score and SE per domain and the raw pain rating, in `domains` and `painIntensity`.",
  scoringRule:
    "Per domain: raw = sum of its 4 item scores (4–20), then T-score and SE from the v2.1 table (Physical Function: the v2.0 4a table). Pain intensity: the 0–10 rating as answered.",
  missingDataRule:
    "A domain with any unanswered item has no T-score; the other domains are still scored. Pain intensity unanswered means no pain rating.",
  // No single score: this is the range of the domain T-scores the tables produce. Five of the
  // seven domains are symptoms (higher = worse); each domain's own direction is in `subscores`.
  scoreRange: tRange,
  direction: "higher-worse",
  unit: "T-score",
  subscores,
  responderRules: [
    {
      outcome: "pain_interference",
      description: "Minimally important difference 2–3 T-points (pain samples incl. chronic LBP)",
      absolute: 2,
      source: "chen2018",
    },
    {
      outcome: "pain_interference",
      description: "Minimally important difference 3.5–5.5 T-points (LBP after epidural steroid injection)",
      absolute: 3.5,
      source: "amtmann2016",
    },
    ...(
      [
        ["physical_function", 3.6],
        ["pain_interference", 4.85],
        ["anxiety", 5.88],
        ["depression", 5.25],
        ["fatigue", 7.75],
        ["sleep_disturbance", 3.9],
        ["social_roles", 4.58],
        ["pain_intensity", 1.5],
      ] as const
    ).map(([outcome, absolute]) => ({
      outcome,
      description: `MCID ${absolute} (chronic LBP, ROC against global perceived effect; single small study)`,
      absolute,
      source: "promisCLbpThai" as const,
    })),
  ],
  codes: {
    form: loinc("62337-1", "PROMIS item bank - 29 profile"),
    outputs: {
      ...Object.fromEntries(promis29DomainIds.map((d) => [d, promis29Domains[d].loinc])),
      pain_intensity: painIntensityCode,
    },
    provenance:
      "Domain T-score codes: CMS eCQM CQL (functional status assessments); ability to participate 77854-8, the v2.0 item bank's T-score, as the German MII PRO guide codes it and the PCOR-MII guide lists it against LOINC 2.83 (not 71957-5, the v1.0 satisfaction domain); pain 72514-3: HL7 BE/EU guides; form 62337-1: the German MII PRO guide, not checked on loinc.org. Item codes are local.",
  },
  licence: {
    holder: "PROMIS Health Organization; HealthMeasures (Northwestern University)",
    terms:
      "Free of licence and royalty fees for individual clinical and research use, with attribution; copyright stays with HealthMeasures. Electronic administration needs HealthMeasures' permission (HEAP: a letter plus screenshot review); commercial distribution needs a separate agreement.",
    agreementNeeded: true,
  },
  sources: ["healthMeasuresProfiles", "healthMeasuresTerms", "chen2018", "amtmann2016", "promisCLbpThai"],
  score(answers) {
    const r = scorePromis29(answers);
    return {
      score: null,
      reason: NO_SINGLE_SCORE,
      extras: { domains: r.domains, painIntensity: r.painIntensity, domainsScored: r.domainsScored },
    };
  },
};
