/**
 * Imaging change per spinal level: for each level graded in at least two studies, the first
 * study that graded it ("before") against the latest ("after"), with the Pfirrmann grade (1–5),
 * disc height (% of a normal reference level) and Modic type (0 none, 1–3) of each, and the
 * change in disc height. Studies on the same date are ordered by when they were recorded.
 * A level graded only once has no change to show and is listed apart, so the reader sees it was
 * not left out by mistake.
 */
import { spinalLevels } from "@evident/domain";
import type { ImagingView } from "@evident/domain/api";

type Finding = ImagingView["findings"][number];
export type StudyRef = { id: string; date: string; modality: string };

export type LevelChange = {
  level: string;
  before: StudyRef & Omit<Finding, "level">;
  after: StudyRef & Omit<Finding, "level">;
  /** After minus before, in percentage points; null when either study lacks a height. */
  heightChange: number | null;
};

export type ImagingChange = {
  studies: number;
  levels: LevelChange[];
  /** Levels graded in one study only. */
  once: string[];
};

const levelRank = (level: string) => {
  const i = (spinalLevels as readonly string[]).indexOf(level);
  return i === -1 ? spinalLevels.length : i;
};

export function imagingChange(studies: readonly ImagingView[]): ImagingChange {
  const ordered = [...studies].sort((a, b) =>
    a.date === b.date ? a.createdAt.localeCompare(b.createdAt) : a.date.localeCompare(b.date),
  );
  const byLevel = new Map<string, (StudyRef & Finding)[]>();
  for (const s of ordered)
    for (const f of s.findings) {
      const seen = byLevel.get(f.level) ?? [];
      seen.push({ id: s.id, date: s.date, modality: s.modality, ...f });
      byLevel.set(f.level, seen);
    }
  const levels: LevelChange[] = [];
  const once: string[] = [];
  for (const [level, seen] of [...byLevel].sort((a, b) => levelRank(a[0]) - levelRank(b[0]))) {
    const first = seen[0];
    const last = seen[seen.length - 1];
    if (!first || !last || seen.length < 2) {
      once.push(level);
      continue;
    }
    const { level: _a, ...before } = first;
    const { level: _b, ...after } = last;
    const heightChange =
      before.discHeightPercent === undefined || after.discHeightPercent === undefined
        ? null
        : Math.round((after.discHeightPercent - before.discHeightPercent) * 10) / 10;
    levels.push({ level, before, after, heightChange });
  }
  return { studies: ordered.length, levels, once };
}
