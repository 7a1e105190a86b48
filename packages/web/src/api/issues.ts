/**
 * Puts server issues where the person can act on them: each under the form field its path names
 * (the longest known field that is a prefix, so "episode.spinalLevels.0" lands on
 * "episode.spinalLevels"), and the rest, including path "", in a general message.
 */
import type { Issue } from "./client";

export type SplitIssues = { fields: Record<string, string>; general: string[] };

export function splitIssues(issues: readonly Issue[], knownFields: readonly string[]): SplitIssues {
  const fields: Record<string, string> = {};
  const general: string[] = [];
  const byLength = [...knownFields].sort((a, b) => b.length - a.length);
  for (const issue of issues) {
    const field = byLength.find((f) => issue.path === f || issue.path.startsWith(`${f}.`));
    if (field === undefined) {
      general.push(issue.path ? `${issue.path}: ${issue.message}` : issue.message);
    } else if (fields[field] === undefined) {
      fields[field] = sentence(issue.message);
    } else {
      fields[field] = `${fields[field]} ${sentence(issue.message)}`;
    }
  }
  return { fields, general };
}

/** "is required" → "Is required." reads as a message of its own under a labelled field. */
export function sentence(message: string): string {
  const t = message.trim();
  if (!t) return t;
  const first = t.charAt(0).toUpperCase() + t.slice(1);
  return /[.!?]$/.test(first) ? first : `${first}.`;
}

/** Whole minutes (at least one) for a Retry-After given in seconds. */
export function retryMinutes(seconds: number): number {
  return Math.max(1, Math.ceil(seconds / 60));
}
