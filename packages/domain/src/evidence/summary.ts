/**
 * The one-page summary of a decision, as data: the patient's values in words, the option they
 * lean toward with its key facts, and the options whose own fields fit every value they rated
 * "a lot" or more (lined up, never ranked). The portal page and the PDF both print this, so the
 * two cannot say different things.
 */
import { decisionAidContent, decisionOptions, findOption } from "./catalogue";
import type { DecisionOption } from "./types";
import { type ValueId, valueScale, valuesClarification, valuesServedBy } from "./values";

/** Ratings at or above this ("A lot") count as what matters most. */
export const IMPORTANT_FROM = 3;

export function importantValues(values: Readonly<Record<string, number>>): ValueId[] {
  return valuesClarification.values.filter((v) => (values[v.id] ?? 0) >= IMPORTANT_FROM).map((v) => v.id);
}

/** Options whose own fields fit every important value; none when nothing was rated important. */
export function fittingOptions(values: Readonly<Record<string, number>>): DecisionOption[] {
  const important = importantValues(values);
  if (important.length === 0) return [];
  return decisionOptions.filter((o) => {
    const served = valuesServedBy(o);
    return important.every((id) => served.includes(id));
  });
}

/** The option's first "out of 100" figure as one sentence, or null when it has none. */
export function frequencySentence(o: DecisionOption): string | null {
  const t = o.outOf100[0];
  if (!t) return null;
  const rows = t.rows.map(
    (r) => `${r.label}: ${r.countHigh ? `${r.count} to ${r.countHigh}` : r.count} of 100`,
  );
  return `${t.peopleLike}. After ${t.timeFrame}, ${rows.join("; ")} ${t.outcome}.`;
}

export type DecisionSummary = {
  title: string;
  values: { statement: string; rating: string }[];
  choice: {
    name: string;
    certaintyNote: string;
    frequencies: string | null;
    timeToEffect: string;
    cost: string;
    status: string;
  } | null;
  fitting: string[];
  questions: string | null;
  versions: string;
  funding: string;
};

export function decisionSummary(d: {
  values: Readonly<Record<string, number>>;
  choice: string;
  questions: string | null;
  contentVersion: string;
  valuesVersion: string;
  decidedAt: string;
}): DecisionSummary {
  const o = findOption(d.choice);
  return {
    title: "My back pain choices: summary",
    values: valuesClarification.values.map((v) => ({
      statement: v.statement,
      rating: valueScale.labels[d.values[v.id] ?? 0] ?? "",
    })),
    choice: o
      ? {
          name: o.name,
          certaintyNote: o.certaintyNote,
          frequencies: frequencySentence(o),
          timeToEffect: o.timeToEffect,
          cost: o.cost.text,
          status: o.regulatoryStatus,
        }
      : null,
    fitting: fittingOptions(d.values).map((x) => x.name),
    questions: d.questions,
    versions: `Saved ${d.decidedAt.slice(0, 10)} · guide version ${d.contentVersion} · values version ${d.valuesVersion}`,
    funding: decisionAidContent.funding,
  };
}
