/**
 * Which outcome measures the report shows: every measure of the domain's table
 * (domain/outcomes/measures.ts), grouped as a reader looks for them, chosen in the address
 * (`?measures=a,b`, the API's own list; absent: back pain and ODI, the server's default). Each
 * measure says which way is better and, for PGIC, that it is a share of answers, not a change.
 * Pure, so tested without a DOM.
 */
import { type OutcomeMeasure, outcomeMeasures } from "@evident/domain/outcomes";

/** The measures the distribution and comparison views take (their endpoints accept these two). */
export const coreMeasures = [
  { id: "nrs_back", label: "Back pain (0–10)" },
  { id: "odi", label: "ODI (0–100)" },
] as const;

export const defaultMeasures = ["nrs_back", "odi"] as const;

export const measureGroups: readonly { title: string; ids: readonly string[] }[] = [
  { title: "Pain", ids: ["nrs_back", "nrs_leg", "peg", "promis29.pain_intensity"] },
  {
    title: "Disability and function",
    ids: ["odi", "rmdq", "promis29.physical_function", "promis29.pain_interference", "promis29.social_roles"],
  },
  {
    title: "Mood, sleep and fatigue",
    ids: ["promis29.anxiety", "promis29.depression", "promis29.fatigue", "promis29.sleep_disturbance"],
  },
  { title: "Quality of life", ids: ["eq5d5l.index_us", "eq5d5l.index_england", "eq5d5l"] },
  { title: "Global impression", ids: ["pgic"] },
  { title: "Opioid use (pain diary)", ids: ["diary.on_opioids", "diary.mme"] },
  {
    title: "Imaging, per disc level",
    ids: outcomeMeasures.filter((m) => m.value.from === "imaging").map((m) => m.id),
  },
];

const byId = new Map(outcomeMeasures.map((m) => [m.id, m]));
export const measureById = (id: string): OutcomeMeasure | undefined => byId.get(id);
export const measureTitle = (id: string): string => byId.get(id)?.title ?? id;

/** The measures named in the address, known ones only, in the table's order; default if none. */
export function measuresFromParam(value: string | null): string[] {
  const asked = new Set((value ?? "").split(",").filter((id) => byId.has(id)));
  const ids = outcomeMeasures.map((m) => m.id).filter((id) => asked.has(id));
  return ids.length > 0 ? ids : [...defaultMeasures];
}

/** The address's value for a choice: null (no parameter) for the default. */
export function measuresParam(ids: readonly string[]): string | null {
  const ordered = outcomeMeasures.map((m) => m.id).filter((id) => ids.includes(id));
  const isDefault =
    ordered.length === defaultMeasures.length && ordered.every((id, i) => id === defaultMeasures[i]);
  return ordered.length === 0 || isDefault ? null : ordered.join(",");
}

/** A measure whose report is a mean change from baseline (not PGIC, not a Pfirrmann grade). */
export const isChangeMeasure = (id: string): boolean => {
  const m = byId.get(id);
  return m?.analysis === "change" && m.scale !== "ordinal";
};

/** A grade reported as the shares worse, the same and better (a Pfirrmann grade per level). */
export const isOrdinalMeasure = (id: string): boolean => {
  const m = byId.get(id);
  return m?.analysis === "change" && m.scale === "ordinal";
};

/** Which way is better, in words. */
export function betterText(m: OutcomeMeasure): string {
  if (m.analysis === "category") return "A higher share is better";
  return m.direction === "higher-worse" ? "Lower is better" : "Higher is better";
}

/** The sign of an improving change, for a plot's caption. */
export function improvementText(m: OutcomeMeasure): string {
  return m.direction === "higher-worse"
    ? "Below zero: lower than at baseline, which is better."
    : "Above zero: higher than at baseline, which is better.";
}

/** How far from zero the change plot's shared axis may reach: half the scale. */
export const plotLimit = (m: OutcomeMeasure): number => (m.range.max - m.range.min) / 2;

/** The source and certainty of a measure's responder rule (null: no threshold). */
export function ruleSource(
  m: OutcomeMeasure,
): { cited: string; certainty: string; note: string } | { cited: null; note: string } {
  if (m.analysis === "category") return { cited: m.cited, certainty: m.certainty, note: m.note };
  if (m.responder === null) return { cited: null, note: m.noResponderReason ?? "No cited threshold." };
  return { cited: m.responder.cited, certainty: m.responder.certainty, note: m.responder.note };
}
