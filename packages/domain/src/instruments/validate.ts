/**
 * Checks raw answers against an instrument's items, naming every bad item: unknown item ids,
 * wrong types, values out of range or not among the options. Missing/null answers are allowed
 * here; whether they can be scored is each instrument's missing-data rule.
 */
import type { Issue } from "../errors";
import type { Answers, InstrumentDefinition, Item } from "./types";

function checkItem(item: Item, value: unknown): string | null {
  if (value === null || value === undefined) return null;
  switch (item.type) {
    case "boolean":
      return typeof value === "boolean" ? null : "must be true or false";
    case "integer": {
      if (typeof value !== "number" || !Number.isInteger(value)) return "must be a whole number";
      const min = item.min ?? Number.NEGATIVE_INFINITY;
      const max = item.max ?? Number.POSITIVE_INFINITY;
      return value < min || value > max ? `must be between ${item.min} and ${item.max}` : null;
    }
    case "choice": {
      const allowed = (item.options ?? []).map((o) => o.value);
      return allowed.includes(value as number | boolean) ? null : `must be one of ${allowed.join(", ")}`;
    }
  }
}

/** Returns issues with paths relative to the answers object (the item id). */
export function validateAnswers(def: InstrumentDefinition, raw: unknown): Issue[] {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    return [{ path: "", message: "answers must be an object keyed by item id" }];
  }
  const byId = new Map(def.items.map((i) => [i.id, i]));
  const issues: Issue[] = [];
  for (const [key, value] of Object.entries(raw)) {
    const item = byId.get(key);
    if (!item) {
      issues.push({ path: key, message: `unknown item for ${def.id}` });
      continue;
    }
    const problem = checkItem(item, value);
    if (problem) issues.push({ path: key, message: problem });
  }
  return issues;
}

/** Keeps only this instrument's items, with absent answers as null (the stored, verbatim form). */
export function normalizeAnswers(
  def: InstrumentDefinition,
  raw: Answers,
): Record<string, number | boolean | null> {
  const out: Record<string, number | boolean | null> = {};
  for (const item of def.items) out[item.id] = raw[item.id] ?? null;
  return out;
}
