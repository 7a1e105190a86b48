/**
 * Treatment kinds a clinic records. Ids are a public contract (API, CLI, exports): add, never
 * rename. Cell therapies carry their regulatory status so no screen can present them as approved:
 * no stem-cell or orthobiologic product is FDA-approved for back pain (FDA consumer page, 2021).
 */
import type { CitationKey } from "../citations";

export const TreatmentCategory = {
  conservative: "conservative",
  injection: "injection",
  cellTherapy: "cell-therapy",
  surgery: "surgery",
  other: "other",
} as const;
export type TreatmentCategory = (typeof TreatmentCategory)[keyof typeof TreatmentCategory];

export type TreatmentKindInfo = {
  id: string;
  label: string;
  category: TreatmentCategory;
  /** Shown wherever the kind is offered or reported. */
  regulatoryNote?: string;
  /**
   * Not an established treatment for back pain (cell therapies of every kind, PRP): recording one
   * needs a current, eligible candidacy sign-off or a clinician's override with a reason
   * (candidacy/gate.ts).
   */
  investigational?: true;
  sources: readonly CitationKey[];
};

const INVESTIGATIONAL =
  "Investigational: no stem-cell or other cell product is FDA-approved for back pain. Offer only with informed consent that says so.";

const PRP_NOTE =
  "Investigational for back pain: PRP is a blood product made at the bedside with a cleared device; no PRP injection is FDA-approved for back pain. Offer only with informed consent that says so.";

const CULTURED_NOTE =
  "Investigational: cultured or donor cells are a biological product that needs an FDA IND (a registered trial) before use in patients; none is FDA-approved for back pain.";

/**
 * One kind per option of the decision aid (evidence/treatment-kinds.ts links them), so the
 * clinic's own outcomes can be shown beside each option. Kinds added after the first eight are
 * appended: the order of the list is the order of the record form's menu within each category.
 */
export const treatmentKinds = [
  { id: "exercise_physiotherapy", label: "Exercise / physiotherapy", category: "conservative", sources: [] },
  { id: "medication", label: "Medication", category: "conservative", sources: [] },
  {
    id: "epidural_steroid_injection",
    label: "Epidural steroid injection",
    category: "injection",
    sources: [],
  },
  {
    id: "bone_marrow_concentrate",
    label: "Bone-marrow concentrate injection",
    category: "cell-therapy",
    investigational: true,
    regulatoryNote: INVESTIGATIONAL,
    sources: ["fdaConsumer2021", "levi2025"],
  },
  {
    id: "adipose_derived_cells",
    label: "Adipose-derived cell injection",
    category: "cell-therapy",
    investigational: true,
    regulatoryNote: INVESTIGATIONAL,
    sources: ["fdaConsumer2021"],
  },
  { id: "discectomy", label: "Discectomy", category: "surgery", sources: [] },
  { id: "fusion", label: "Spinal fusion", category: "surgery", sources: [] },
  { id: "other", label: "Other", category: "other", sources: [] },
  {
    id: "advice_self_management",
    label: "Advice and self-management",
    category: "conservative",
    sources: ["hill2011"],
  },
  { id: "pilates_yoga", label: "Pilates or yoga", category: "conservative", sources: [] },
  {
    id: "psychological_programme",
    label: "Psychological programme (e.g. CBT)",
    category: "conservative",
    sources: [],
  },
  { id: "spinal_manipulation", label: "Spinal manipulation", category: "conservative", sources: [] },
  { id: "massage", label: "Massage", category: "conservative", sources: [] },
  { id: "acupuncture", label: "Acupuncture", category: "conservative", sources: [] },
  { id: "heat_therapy", label: "Heat therapy", category: "conservative", sources: [] },
  {
    id: "radiofrequency_denervation",
    label: "Radiofrequency denervation",
    category: "injection",
    sources: ["niceNg59"],
  },
  {
    id: "platelet_rich_plasma",
    label: "Platelet-rich plasma (PRP) injection",
    category: "cell-therapy",
    investigational: true,
    regulatoryNote: PRP_NOTE,
    sources: ["cfr1271_3d", "navani2019"],
  },
  {
    id: "cultured_or_donor_cells",
    label: "Cultured or donor cell injection",
    category: "cell-therapy",
    investigational: true,
    regulatoryNote: CULTURED_NOTE,
    sources: ["cfr1271_10a", "fdaHctpGuidance2017", "mesoblastDr003"],
  },
] as const satisfies readonly TreatmentKindInfo[];

export type TreatmentKind = (typeof treatmentKinds)[number]["id"];
export const treatmentKindIds = treatmentKinds.map((k) => k.id) as [TreatmentKind, ...TreatmentKind[]];

export function treatmentKind(id: string): TreatmentKindInfo | undefined {
  return treatmentKinds.find((k) => k.id === id);
}

/** Investigational for back pain: gated by a candidacy sign-off (candidacy/gate.ts). */
export const isInvestigational = (kind: string): boolean => treatmentKind(kind)?.investigational === true;

export const isSurgery = (kind: string): boolean => treatmentKind(kind)?.category === "surgery";

/**
 * An elective procedure: an injection, a cell therapy or an operation. These wait for a
 * clinician's review of a red-flag triage (triage/tiers `blocksElectiveProcedures`); exercise and
 * medicines do not.
 */
export const isElectiveProcedure = (kind: string): boolean => {
  const category = treatmentKind(kind)?.category;
  return category === "injection" || category === "cell-therapy" || category === "surgery";
};
