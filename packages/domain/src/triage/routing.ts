/**
 * STarT Back stratified care: the care route matched to the risk group (Hill et al., Lancet 2011,
 * the STarT Back trial; NICE NG59 recommends considering risk stratification at first contact).
 * In the trial, low-risk patients had one session of advice and self-management material,
 * medium-risk patients physiotherapy, and high-risk patients physiotherapy that also addressed
 * psychological obstacles to recovery. NICE NG59 offers manual and psychological therapy only as
 * part of a package that includes exercise, which is why the high route combines them.
 *
 * Routing comes after triage: with any red flag the clinician reviews first, so `routeCare`
 * refuses to route while triage is above "none" (the caller passes the triage tier).
 */
import type { CitationKey } from "../citations";
import { badRequest } from "../errors";
import { scoreAnswers } from "../instruments";
import type { StartBackGroup } from "../instruments/startback";
import type { TriageTier } from "./tiers";

export type CareRouteId = "advice-self-management" | "physiotherapy" | "physical-and-psychological";

export type CareRoute = {
  id: CareRouteId;
  group: StartBackGroup;
  /** For clinicians. */
  label: string;
  /** For patients (reading grade ≤ 8, checked by a test). */
  patientText: string;
  source: readonly CitationKey[];
};

export const careRoutes: Readonly<Record<StartBackGroup, CareRoute>> = {
  low: {
    id: "advice-self-management",
    group: "low",
    label: "Advice and self-management: reassurance, keep active, simple pain relief; no routine referral.",
    patientText:
      "Your answers suggest your back is likely to get better with the right advice and care you can do " +
      "yourself. We will show you how to stay active and ease the pain while it settles.",
    source: ["hill2011", "niceNg59"],
  },
  medium: {
    id: "physiotherapy",
    group: "medium",
    label: "Physiotherapy: exercise-based treatment for the physical obstacles to recovery.",
    patientText:
      "Your answers suggest you would do well with help from a physical therapist. They will give you " +
      "exercises and help you get back to what you want to do.",
    source: ["hill2011", "niceNg59"],
  },
  high: {
    id: "physical-and-psychological",
    group: "high",
    label:
      "Combined physical and psychological approach: psychologically informed physiotherapy (exercise with a CBT approach).",
    patientText:
      "Your answers suggest the pain is wearing you down and worry may be slowing your recovery. That is " +
      "common and it can be helped. Care that mixes exercise with help for worry and low mood works best here.",
    source: ["hill2011", "niceNg59"],
  },
};

/** The care route for a STarT Back group. */
export const careRouteFor = (group: StartBackGroup): CareRoute => careRoutes[group];

/**
 * Validates and scores raw STarT Back answers with the instrument library (item paths are
 * prefixed "startBack.") and returns the group and its route. Refuses (bad request) when triage
 * has flagged the patient, when an answer is invalid, or when any of the nine items is missing.
 */
export function routeCare(
  startBackAnswers: unknown,
  triageTier: TriageTier,
): { group: StartBackGroup; total: number; subscale: number; route: CareRoute } {
  if (triageTier !== "none")
    throw badRequest(
      `triage tier is "${triageTier}": a clinician reviews red flags before care is routed`,
      "triageTier",
    );
  const { result } = scoreAnswers("startback", startBackAnswers, "startBack");
  if (result.score === null) throw badRequest(result.reason ?? "cannot be scored", "startBack");
  const extras = result.extras as { subscale: number; group: StartBackGroup };
  return {
    group: extras.group,
    total: result.score,
    subscale: extras.subscale,
    route: careRouteFor(extras.group),
  };
}
