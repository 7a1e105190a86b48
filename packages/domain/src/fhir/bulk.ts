/**
 * FHIR Bulk Data Access (IG v2.0.0), the parts that are rules rather than I/O: which resource
 * types each kick-off exports, its parameters (`_type`, `_since`, `_outputFormat`; anything else
 * is a 400 naming it, or dropped with `Prefer: handling=lenient`), the completion manifest, the
 * NDJSON file names and the `X-Progress` text.
 *
 * - `[base]/$export` (system level) exports every type the client may read, the instruments'
 *   Questionnaires included; `Patient/$export` and `Group/{id}/$export` the Patient compartment:
 *   the patients (of the group) and every resource about them.
 * - `_since` is a FHIR instant: resources whose `meta.lastUpdated` is later are exported.
 */
import type { Issue } from "../errors";

export type ExportLevel = "system" | "patient" | "group";

/** The Patient compartment: every type here names its patient (`subject` or `patient`, or is the Patient). */
export const compartmentTypes = [
  "Patient",
  "Condition",
  "Procedure",
  "QuestionnaireResponse",
  "Observation",
  "AdverseEvent",
  "Consent",
] as const;
export const bulkTypes = [...compartmentTypes, "Questionnaire"] as const;
export type BulkType = (typeof bulkTypes)[number];

export const typesAt = (level: ExportLevel): readonly BulkType[] =>
  level === "system" ? bulkTypes : compartmentTypes;

export type ExportRequest = {
  /** The types asked for with `_type`, in the order given; null: every type of the level. */
  types: BulkType[] | null;
  since: Date | null;
};

export const ndjsonFormats = ["application/fhir+ndjson", "application/ndjson", "ndjson"];

/** Parameters of the IG this server does not implement: named as such in the 400. */
const unsupported = new Set([
  "_typeFilter",
  "_elements",
  "_until",
  "patient",
  "includeAssociatedData",
  "organizeOutputBy",
  "allowPartialManifests",
]);

const instant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

/** Parses a kick-off's query. Throws nothing: the request, or the issues for a 400. */
export function parseExportParams(
  level: ExportLevel,
  params: Iterable<[string, string]>,
  { lenient = false }: { lenient?: boolean } = {},
): { request: ExportRequest } | { issues: Issue[] } {
  const allowed = typesAt(level);
  const issues: Issue[] = [];
  const request: ExportRequest = { types: null, since: null };
  let askedTypes = false;
  for (const [name, raw] of params) {
    if (name === "_outputFormat") {
      if (!ndjsonFormats.includes(raw))
        issues.push({ path: name, message: `only NDJSON is written (${ndjsonFormats.join(", ")})` });
    } else if (name === "_type") {
      askedTypes = true;
      for (const t of raw.split(",").map((s) => s.trim())) {
        if (!(allowed as readonly string[]).includes(t)) {
          if (!lenient)
            issues.push({
              path: name,
              message: `${t || "(empty)"} is not a type this export can include (${allowed.join(", ")})`,
            });
          continue;
        }
        request.types ??= [];
        if (!request.types.includes(t as BulkType)) request.types.push(t as BulkType);
      }
    } else if (name === "_since") {
      const at = new Date(raw);
      if (!instant.test(raw) || Number.isNaN(at.getTime()))
        issues.push({
          path: name,
          message: "must be a FHIR instant with seconds and a time zone (2026-03-01T00:00:00Z)",
        });
      else request.since = at;
    } else if (!lenient) {
      issues.push({
        path: name,
        message: unsupported.has(name)
          ? "is not supported by this server (send Prefer: handling=lenient to have it ignored)"
          : "is not a Bulk Data kick-off parameter (_type, _since, _outputFormat)",
      });
    }
  }
  // Every _type value was dropped as unknown (lenient): nothing asked for is nothing to export.
  if (askedTypes && request.types === null) request.types = [];
  return issues.length > 0 ? { issues } : { request };
}

export type ExportFile = { type: BulkType; url: string; count: number };

export type BulkManifest = {
  transactionTime: string;
  request: string;
  requiresAccessToken: boolean;
  output: ExportFile[];
  error: ExportFile[];
};

/** The completion manifest: files in type order, none for a type that had no resources. */
export function bulkManifest(o: {
  transactionTime: string;
  request: string;
  output: readonly ExportFile[];
  requiresAccessToken?: boolean;
}): BulkManifest {
  return {
    transactionTime: o.transactionTime,
    request: o.request,
    requiresAccessToken: o.requiresAccessToken ?? true,
    output: o.output.filter((f) => f.count > 0),
    error: [],
  };
}

/** The name of the `part`-th file (from 1) of a type: "Observation-2.ndjson". */
export const ndjsonFileName = (type: BulkType, part: number) => `${type}-${part}.ndjson`;
export const ndjsonFilePattern = /^([A-Za-z]+)-([1-9]\d{0,5})\.ndjson$/;

export type ExportProgress = { done: number; total: number; type: string | null };

/** The `X-Progress` header: the share of source rows read and the type at hand. */
export function progressText(p: ExportProgress): string {
  const pct = p.total > 0 ? Math.min(99, Math.floor((p.done / p.total) * 100)) : 0;
  return `${pct}%${p.type ? ` (${p.type})` : ""}`;
}
