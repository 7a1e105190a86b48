/**
 * The small-cell rule: no figure may let a reader pick out one person's result. The threshold is
 * the CMS cell size suppression policy's: no cell of 1 to 10 people is shown (CMS, "Cell Size
 * Suppression Policy", ResDAC: resdac.org/articles/cms-cell-size-suppression-policy; zero is not
 * a small cell). It holds for clinic staff and researchers alike, since the same figures reach
 * both, and the patient's figures ("people like you") ask for 30 or more anyway.
 *
 * - Groups. No estimate (mean, share, quantile, survival) is given from fewer than MINIMUM_CELL
 *   patients. Below 11 a share necessarily puts 1 to 10 people on one side of it (3 of 7
 *   improved, so 4 did not), and a quantile of so few is one person's own score. The counts of
 *   who was asked and who answered (due, answered, missed, analysed) are still shown: they say
 *   why a figure is missing, and nothing about how anyone did.
 * - Steps and bins. A distribution curve (the ECDF of change) or a histogram shows every step or
 *   bin with at least MINIMUM_CELL patients in it: smaller ones are merged with their neighbours
 *   (`mergeSteps`), and the curve runs from the scale's ends, so that neither one person's change
 *   nor the smallest or largest change can be read off it.
 * - Survival curves stop where fewer than MINIMUM_CELL remain at risk, and the 12-month figure
 *   needs as many followed that long. Their drops are merged like steps: each drop holds at least
 *   MINIMUM_CELL operations, drawn at the last of them, so no drop is one person's operation (the
 *   day it came); a group with a few operations but fewer than MINIMUM_CELL gets no curve, only its
 *   counts and 12-month figure.
 * - Inside a group of 11 or more, how many did and did not improve (or had an operation) is
 *   shown even when it is under 11 — a departure from CMS, which also hides such counts — because
 *   a patient needs both framings and the denominators to weigh a figure (IPDAS), and a count in
 *   a group that large says how often, not to whom.
 */

export const MINIMUM_CELL = 11;

export const isSmallCell = (n: number): boolean => n < MINIMUM_CELL;

/**
 * Merges consecutive counts (bins, or the patients between two points of a curve) until each
 * merged step holds at least `minimum`, or none; a short tail is merged into the step before it.
 * Returns, per merged step, the index of its last input and its count. Empty when the total is
 * under `minimum` (nothing can be shown).
 */
export function mergeSteps(
  counts: readonly number[],
  minimum = MINIMUM_CELL,
): { end: number; count: number }[] {
  const total = counts.reduce((s, c) => s + c, 0);
  if (total < minimum) return [];
  const steps: { end: number; count: number }[] = [];
  let running = 0;
  let taken = 0;
  counts.forEach((c, i) => {
    running += c;
    // Close a step once it is big enough, unless what is left after it would be a small tail.
    const left = total - taken - running;
    if (running >= minimum && (left === 0 || left >= minimum)) {
      steps.push({ end: i, count: running });
      taken += running;
      running = 0;
    }
  });
  // Trailing empty inputs (nothing left to count) join the last step.
  const last = steps[steps.length - 1];
  if (last) last.end = counts.length - 1;
  return steps;
}

export const smallCellNote = `No estimate is shown from fewer than ${MINIMUM_CELL} patients (counts of who was due and who answered still are), every step of a distribution curve holds at least ${MINIMUM_CELL} patients, and survival curves stop where fewer than ${MINIMUM_CELL} remain at risk and drop by at least ${MINIMUM_CELL} operations at a time, so that no one person's result can be read off a figure.`;

/**
 * A filtered view (a cohort) adds one rule: a narrow filter can make any count one person's, so a
 * row or group of 1 to 10 people is left out whole — its counts too — and the number left out is
 * said. `sizeOf` is how many people it stands for (follow-ups due, episodes, analysed patients).
 */
export function leaveOutSmallGroups<G>(
  groups: readonly G[],
  sizeOf: (g: G) => number,
): { kept: G[]; left: number } {
  const kept = groups.filter((g) => sizeOf(g) === 0 || !isSmallCell(sizeOf(g)));
  return { kept, left: groups.length - kept.length };
}

/**
 * The report's form of that rule: a row (treatment × timepoint) with 1 to 10 follow-ups due is
 * left out whole, and the cohort's patient count is not given when it is 1 to 10.
 */
export function suppressSmallRows<R extends { due: number }>(
  rows: readonly R[],
  patients: number,
): { rows: R[]; suppressedRows: number; patients: number | null } {
  const { kept, left } = leaveOutSmallGroups(rows, (r) => r.due);
  return {
    rows: kept,
    suppressedRows: left,
    patients: patients > 0 && isSmallCell(patients) ? null : patients,
  };
}
