/**
 * Outcome measures not read from answer sets: opioid use from the pain diary and imaging change
 * per spinal level. They enter the same tallies as the questionnaires' (db/repos/outcome-sources
 * supplies their (treatment, timepoint, value) rows), so the rules that pick their baseline and
 * follow-up values are stated here once, as numbers the SQL reads (docs/architecture/outcomes.md, "Every
 * outcome is a table entry").
 *
 * Diary (one entry per patient per local day, its MME worked out with the CDC 2022 factors of
 * ../diary/mme when it was written):
 * - baseline: the entries of the 14 days before the treatment day (not the treatment day itself:
 *   its entry is written in the evening, after the procedure);
 * - follow-up: the entries inside the follow-up's window, before a later treatment's day (as a
 *   questionnaire answer is credited);
 * - each needs at least 3 entries, or there is no value: a patient who stopped writing is missing,
 *   not opioid-free. The value is the mean daily MME (to 0.01), and "on opioids" is any day with
 *   an opioid (MME > 0) in those entries.
 *
 * Imaging (studies with findings per level): baseline the latest study in the 365 days before the
 * treatment day with the level's finding; follow-up the first study with it inside the window,
 * before a later treatment's day. Ties on a date go by record id.
 */
import type { SpinalLevel } from "../catalogue/conditions";
import { spinalLevels } from "../catalogue/conditions";
import type { OutcomeMeasure } from "./measures";

/** Diary days before the treatment day that make its baseline. */
export const DIARY_BASELINE_DAYS = 14;
/** Diary entries a baseline or follow-up needs to have a value. */
export const DIARY_MIN_ENTRIES = 3;
/** Days before the treatment day a baseline study may be from. */
export const IMAGING_BASELINE_DAYS = 365;

export type DiaryValue = "mme" | "on_opioids";
/** The finding's key in a stored imaging study (domain/api/imaging.ts). */
export type ImagingFinding = "pfirrmann" | "discHeightPercent";

const diaryWindows =
  "Baseline: diary entries of the 14 days before the treatment day; follow-up: entries inside the follow-up's window; at least 3 entries each, or no value (a patient who stopped writing is missing, not opioid-free).";

export const diaryMeasures: readonly OutcomeMeasure[] = [
  {
    id: "diary.mme",
    instrument: "diary",
    title: "Opioid dose, mean daily morphine milligram equivalents (pain diary)",
    value: { from: "diary", value: "mme" },
    direction: "higher-worse",
    range: { min: 0, max: Number.POSITIVE_INFINITY },
    analysis: "change",
    responder: null,
    noResponderReason: `No cited clinically important change in MME: change only. MME from the CDC 2022 conversion factors. ${diaryWindows}`,
  },
  {
    id: "diary.on_opioids",
    instrument: "diary",
    title: "On opioids (pain diary): any day with an opioid",
    value: { from: "diary", value: "on_opioids" },
    direction: "higher-worse",
    range: { min: 0, max: 1 },
    analysis: "change",
    responder: null,
    stopped: {
      note: `The means are the shares on opioids at baseline and at follow-up; responders stopped (an opioid at baseline, none at follow-up), counted over every patient with both. A definition, not a cited threshold. ${diaryWindows}`,
    },
  },
];

const imagingWindows =
  "Baseline: the latest study in the 365 days before the treatment day; follow-up: the first study inside the follow-up's window.";

const pfirrmann = (level: SpinalLevel): OutcomeMeasure => ({
  id: `imaging.pfirrmann.${level}`,
  instrument: "imaging",
  title: `Pfirrmann grade ${level} (1–5)`,
  value: { from: "imaging", finding: "pfirrmann", level },
  direction: "higher-worse",
  range: { min: 1, max: 5 },
  analysis: "change",
  scale: "ordinal",
  responder: null,
  noResponderReason: `An ordinal grade (Pfirrmann 2001): the shares worse, the same and better by at least one grade, no mean. No cited clinically important change, so no responders. ${imagingWindows}`,
});

const discHeight = (level: SpinalLevel): OutcomeMeasure => ({
  id: `imaging.disc_height.${level}`,
  instrument: "imaging",
  title: `Disc height ${level} (% of reference)`,
  value: { from: "imaging", finding: "discHeightPercent", level },
  direction: "higher-better",
  range: { min: 0, max: 150 },
  analysis: "change",
  responder: null,
  noResponderReason: `No cited clinically important change in disc height: change only. ${imagingWindows}`,
});

export const imagingMeasures: readonly OutcomeMeasure[] = spinalLevels.flatMap((level) => [
  pfirrmann(level),
  discHeight(level),
]);

/** The report's notes on the diary and imaging measures among `ids` (none if it asks for neither). */
export function sourceNotes(ids: readonly string[]): string[] {
  const notes: string[] = [];
  if (ids.some((id) => id.startsWith("diary.")))
    notes.push(
      "Opioid use is from the pain diary: the 14 days before the treatment day against the days inside the follow-up's window, with at least 3 diary days in each, morphine milligram equivalents (MME) by the CDC 2022 factors. A fall in MME is an improvement; no cited clinically important change in MME is known, so only stopping opioids counts as a response.",
    );
  if (ids.some((id) => id.startsWith("imaging.")))
    notes.push(
      "Imaging change per level compares the latest study in the year before the treatment day with the first one inside the follow-up's window. Pfirrmann grades are given as the shares a grade worse, the same and better, not as means; a rise in disc height is an improvement. Neither has a cited clinically important change, so neither counts responders.",
    );
  return notes;
}
