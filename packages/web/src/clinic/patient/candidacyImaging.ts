/**
 * The candidacy form's imaging fields, prefilled from the patient's imaging records: the latest
 * study dated before the first procedure on the spine (an injection, cell therapy or operation;
 * after one, the disc is no longer as it was when the candidacy question arises), or the latest
 * study when there has been none. Which levels: the episode's symptomatic levels if recorded,
 * else the levels the study shows degenerated (Pfirrmann 3 or worse). Disc height: the study's
 * value at those levels (the lowest if several), capped at 100% retained.
 *
 * The Pfirrmann grade is NOT prefilled: imaging records the original 5-grade scale (Pfirrmann
 * 2001), while the candidacy criterion uses the modified 8-grade scale (Griffith 2007), and one
 * does not convert into the other. The study's grade is shown beside the field instead.
 */
import { isElectiveProcedure } from "@evident/domain";
import type { ImagingView, PatientDetail } from "@evident/domain/api";

export type ImagingPrefill = {
  study: { id: string; date: string; modality: string };
  levels: string[];
  /** "episode": the levels the record already names; "imaging": read off the study. */
  levelsFrom: "episode" | "imaging";
  discHeightRetainedPercent: number | null;
  /** The study's original-scale (1–5) grades at those levels, to show, not to copy. */
  pfirrmann: { level: string; grade: number }[];
};

const DEGENERATED = 3;

export function imagingPrefill(
  patient: Pick<PatientDetail, "episodes" | "treatments">,
  imaging: readonly ImagingView[],
): ImagingPrefill | null {
  const firstProcedure = patient.treatments
    .filter((t) => isElectiveProcedure(t.kind))
    .map((t) => t.date)
    .sort()[0];
  const study = [...imaging]
    .filter((s) => firstProcedure === undefined || s.date < firstProcedure)
    .sort((a, b) =>
      a.date === b.date ? b.createdAt.localeCompare(a.createdAt) : b.date.localeCompare(a.date),
    )[0];
  if (!study) return null;
  const recorded = patient.episodes[0]?.spinalLevels ?? [];
  const levels =
    recorded.length > 0
      ? [...recorded]
      : study.findings.filter((f) => (f.pfirrmann ?? 0) >= DEGENERATED).map((f) => f.level);
  const at = study.findings.filter((f) => levels.includes(f.level));
  const heights = at.flatMap((f) => (f.discHeightPercent === undefined ? [] : [f.discHeightPercent]));
  return {
    study: { id: study.id, date: study.date, modality: study.modality },
    levels,
    levelsFrom: recorded.length > 0 ? "episode" : "imaging",
    discHeightRetainedPercent: heights.length > 0 ? Math.min(100, ...heights) : null,
    pfirrmann: at.flatMap((f) => (f.pfirrmann === undefined ? [] : [{ level: f.level, grade: f.pfirrmann }])),
  };
}
