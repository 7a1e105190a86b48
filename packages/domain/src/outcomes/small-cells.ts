/**
 * The small-cell rule: no estimate (mean, share, quantile, survival) is given from fewer than
 * MINIMUM_CELL patients, for anyone, and survival curves stop where fewer remain at risk. Counts
 * (due, answered, missed, at risk) are still shown, so a reader can see why a figure is missing.
 *
 * Why: researchers see all clinics pooled and must not be able to read one person's result off a
 * table (a "mean" of one patient is that patient). Five is the threshold many registries and
 * statistics offices use for published tables; estimates from so few are meaningless anyway.
 */

export const MINIMUM_CELL = 5;

export const isSmallCell = (n: number): boolean => n < MINIMUM_CELL;

export const smallCellNote = `No estimate is shown from fewer than ${MINIMUM_CELL} patients (counts still are), and survival curves stop where fewer than ${MINIMUM_CELL} remain at risk, so that no one person's result can be read off a table.`;
