/**
 * Pure helpers for the Audit trail page: the filters as they travel in the page's address and in
 * the API's query, the "Who" choice as one value, and an event told in words.
 */
import type { AuditEventView } from "@evident/domain/api";

export type AuditFilters = {
  patientId?: string;
  /** "staff:<id>", "kind:patient", "kind:system" or "kind:anonymous"; unset: anyone. */
  who?: string;
  action?: string;
  from?: string;
  to?: string;
};

const filterKeys = ["patientId", "who", "action", "from", "to"] as const;

export function filtersFrom(params: URLSearchParams): AuditFilters {
  const f: AuditFilters = {};
  for (const k of filterKeys) {
    const v = params.get(k)?.trim();
    if (v) f[k] = v;
  }
  return f;
}

/** The API's query for these filters (`who` becomes actorKind and actorId). */
export function auditQuery(f: AuditFilters, extra: Record<string, string> = {}): URLSearchParams {
  const q = new URLSearchParams();
  if (f.patientId) q.set("patientId", f.patientId);
  if (f.who?.startsWith("staff:")) {
    q.set("actorKind", "staff");
    q.set("actorId", f.who.slice("staff:".length));
  } else if (f.who?.startsWith("kind:")) q.set("actorKind", f.who.slice("kind:".length));
  if (f.action) q.set("action", f.action);
  if (f.from) q.set("from", f.from);
  if (f.to) q.set("to", f.to);
  for (const [k, v] of Object.entries(extra)) q.set(k, v);
  return q;
}

export const hasFilters = (f: AuditFilters) => filterKeys.some((k) => f[k] !== undefined);

const actorKinds: Record<AuditEventView["actor"]["kind"], string> = {
  staff: "Staff",
  patient: "Patient (portal)",
  system: "System",
  anonymous: "Not signed in",
};

/** Who acted, in words: a name with what they are, or the system's own name for itself. */
export function actorText(a: AuditEventView["actor"]): { name: string; kind: string } {
  return { name: a.name ?? a.id ?? "Unknown", kind: actorKinds[a.kind] };
}

const verbs: Record<string, string> = {
  read: "Viewed",
  create: "Created",
  update: "Updated",
  correct: "Corrected",
  export: "Exported",
  search: "Searched",
  invite: "Invited",
  "sign-off": "Signed off",
  contact: "Contacted",
  "seed-demo": "Wrote demo data",
  rechain: "Re-chained the trail",
};

/** "Viewed · patient", "Exported · adverse event (medwatch-pdf)". */
export function actionText(e: Pick<AuditEventView, "action" | "entityType" | "detail">): string {
  const verb = verbs[e.action] ?? e.action.charAt(0).toUpperCase() + e.action.slice(1).replace(/-/g, " ");
  const format = typeof e.detail.format === "string" ? ` (${e.detail.format})` : "";
  return `${verb} · ${e.entityType.replace(/-/g, " ")}${format}`;
}

const shown = (v: unknown): string =>
  Array.isArray(v) ? String(v.length) : typeof v === "object" ? JSON.stringify(v) : String(v);

/** The event's details, short: "returned: 3 · query: Lee" (lists by their length, objects as JSON). */
export function detailText(detail: Record<string, unknown>, max = 140): string {
  const parts = Object.entries(detail)
    .filter(([k, v]) => k !== "format" && v !== null && v !== undefined && v !== "")
    .map(([k, v]) => `${k}: ${shown(v)}`);
  const s = parts.join(" · ");
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}
