/**
 * The procedure part of the record-treatment form: its values (strings, as inputs hold them),
 * the request body they become, and the regulatory pathway a cell therapy's facts lead to,
 * shown before anything is saved.
 */
import { type TreatmentCategory, treatmentKind } from "@evident/domain";
import {
  CellTherapyProcedure,
  type ProcedureRecord,
  procedureRegulatory,
  tissueForKind,
} from "@evident/domain/pathway/procedure";
import type { ProposedProduct } from "@evident/domain/regulatory";

export type ProcedureValues = {
  operator: string;
  target: string;
  levels: string[];
  imageGuidance: string;
  medication: string;
  tissue: string;
  origin: string;
  harvestSite: string;
  volumeHarvestedMl: string;
  processing: string[];
  sameDay: string;
  additives: string[];
  intendedFunction: string;
  tncMillions: string;
  plateletsThousandPerUl: string;
  cfuFPerMillion: string;
  viabilityPercent: string;
  volumeInjectedMl: string;
  consentVersion: string;
  surgeryType: string;
  programme: string;
  sessionsPerWeek: string;
  weeks: string;
};

export const emptyProcedure: ProcedureValues = {
  operator: "",
  target: "",
  levels: [],
  imageGuidance: "",
  medication: "",
  tissue: "",
  origin: "autologous",
  harvestSite: "",
  volumeHarvestedMl: "",
  processing: [],
  sameDay: "",
  additives: [],
  intendedFunction: "",
  tncMillions: "",
  plateletsThousandPerUl: "",
  cfuFPerMillion: "",
  viabilityPercent: "",
  volumeInjectedMl: "",
  consentVersion: "",
  surgeryType: "",
  programme: "",
  sessionsPerWeek: "",
  weeks: "",
};

/** The record's category for a treatment kind; null when the kind takes no record ("other"). */
export function procedureCategory(kind: string): ProcedureRecord["category"] | null {
  const c: TreatmentCategory | undefined = treatmentKind(kind)?.category;
  return c === "cell-therapy" || c === "injection" || c === "surgery" || c === "conservative" ? c : null;
}

/** An input's text as the API wants it: a number, or left out when empty (so "is required" reads right). */
const num = (s: string): number | string | undefined => {
  const t = s.trim();
  if (t === "") return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : t;
};
const str = (s: string): string | undefined => (s.trim() === "" ? undefined : s.trim());

function compact(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}

/**
 * True until something is entered: the record is optional (it can follow after the procedure).
 * The tissue the kind fixes (blood for PRP) is preselected, so it counts as untouched too.
 */
export function procedureUntouched(v: ProcedureValues, kind = ""): boolean {
  const kindTissue = tissueForKind(kind);
  return (Object.keys(emptyProcedure) as (keyof ProcedureValues)[]).every((k) => {
    const a = v[k];
    if (k === "tissue" && kindTissue !== undefined && a === kindTissue) return true;
    return Array.isArray(a) ? a.length === 0 : a === emptyProcedure[k];
  });
}

/**
 * The procedure values after the treatment kind changes from `previous` to `kind`: the tissue the
 * new kind fixes is preselected (blood for PRP, bone marrow for its concentrate) unless someone
 * chose another; a tissue that was only the previous kind's preselection goes with it. The same
 * object when nothing changes.
 */
export function withKindTissue(previous: string, kind: string, v: ProcedureValues): ProcedureValues {
  const before = tissueForKind(previous);
  const next = tissueForKind(kind) ?? "";
  if (v.tissue !== "" && v.tissue !== before) return v;
  return v.tissue === next ? v : { ...v, tissue: next };
}

export function procedureBody(kind: string, v: ProcedureValues): Record<string, unknown> | undefined {
  const category = procedureCategory(kind);
  if (!category || procedureUntouched(v, kind)) return undefined;
  const injected = {
    target: str(v.target),
    levels: v.levels,
    imageGuidance: str(v.imageGuidance),
  };
  switch (category) {
    case "cell-therapy": {
      // Donor cells have no harvest; fields typed before the origin changed are not sent.
      const own = v.origin !== "allogeneic";
      const blood = v.tissue === "blood";
      return compact({
        category,
        operator: str(v.operator),
        ...injected,
        tissue: str(v.tissue),
        origin: str(v.origin),
        harvestSite: own ? str(v.harvestSite) : undefined,
        volumeHarvestedMl: own ? num(v.volumeHarvestedMl) : undefined,
        processing: v.processing,
        sameDay: v.sameDay === "" ? undefined : v.sameDay === "yes",
        additives: v.additives,
        intendedFunction: str(v.intendedFunction),
        tncMillions: num(v.tncMillions),
        plateletsThousandPerUl: blood ? num(v.plateletsThousandPerUl) : undefined,
        cfuFPerMillion: blood ? undefined : num(v.cfuFPerMillion),
        viabilityPercent: num(v.viabilityPercent),
        volumeInjectedMl: num(v.volumeInjectedMl),
        consentVersion: str(v.consentVersion),
      });
    }
    case "injection":
      return compact({ category, operator: str(v.operator), ...injected, medication: str(v.medication) });
    case "surgery":
      return compact({
        category,
        operator: str(v.operator),
        surgeryType: str(v.surgeryType),
        levels: v.levels,
      });
    case "conservative":
      return compact({
        category,
        operator: str(v.operator),
        programme: str(v.programme),
        sessionsPerWeek: num(v.sessionsPerWeek),
        weeks: num(v.weeks),
      });
  }
}

/** The pathway a complete cell-therapy record leads to, or null while it is incomplete. */
export function likelyPathway(body: Record<string, unknown> | undefined) {
  const parsed = CellTherapyProcedure.safeParse(body);
  return parsed.success ? procedureRegulatory(parsed.data) : null;
}

/** The product facts of a complete cell-therapy record, for the regulatory panel; else null. */
export function proposedProduct(body: Record<string, unknown> | undefined): ProposedProduct | null {
  const parsed = CellTherapyProcedure.safeParse(body);
  if (!parsed.success) return null;
  const p = parsed.data;
  return {
    tissue: p.tissue,
    origin: p.origin,
    processing: p.processing,
    sameSurgicalProcedure: p.sameDay,
    additives: p.additives,
    target: p.target,
    intendedFunction: p.intendedFunction,
  };
}

/** The form's values for a stored record (correcting a treatment): the inverse of procedureBody. */
export function procedureValues(record: unknown): ProcedureValues {
  if (typeof record !== "object" || record === null) return emptyProcedure;
  const r = record as Record<string, unknown>;
  const text = (k: keyof ProcedureValues) =>
    typeof r[k] === "string" || typeof r[k] === "number" ? String(r[k]) : emptyProcedure[k];
  const list = (k: keyof ProcedureValues) =>
    Array.isArray(r[k]) ? (r[k] as unknown[]).filter((x): x is string => typeof x === "string") : [];
  return {
    operator: text("operator") as string,
    target: text("target") as string,
    levels: list("levels"),
    imageGuidance: text("imageGuidance") as string,
    medication: text("medication") as string,
    tissue: text("tissue") as string,
    origin: text("origin") as string,
    harvestSite: text("harvestSite") as string,
    volumeHarvestedMl: text("volumeHarvestedMl") as string,
    processing: list("processing"),
    sameDay: typeof r.sameDay === "boolean" ? (r.sameDay ? "yes" : "no") : "",
    additives: list("additives"),
    intendedFunction: text("intendedFunction") as string,
    tncMillions: text("tncMillions") as string,
    plateletsThousandPerUl: text("plateletsThousandPerUl") as string,
    cfuFPerMillion: text("cfuFPerMillion") as string,
    viabilityPercent: text("viabilityPercent") as string,
    volumeInjectedMl: text("volumeInjectedMl") as string,
    consentVersion: text("consentVersion") as string,
    surgeryType: text("surgeryType") as string,
    programme: text("programme") as string,
    sessionsPerWeek: text("sessionsPerWeek") as string,
    weeks: text("weeks") as string,
  };
}
