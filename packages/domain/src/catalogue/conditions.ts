/** Back-pain episode conditions and spinal levels. Ids are a public contract: add, never rename. */

export const conditions = [
  { id: "degenerative_disc_disease", label: "Degenerative disc disease" },
  { id: "disc_herniation_sciatica", label: "Disc herniation with sciatica" },
  { id: "facet_arthropathy", label: "Facet joint arthropathy" },
  { id: "spinal_stenosis", label: "Spinal stenosis" },
  { id: "nonspecific_low_back_pain", label: "Non-specific low back pain" },
  { id: "other", label: "Other" },
] as const;

export type Condition = (typeof conditions)[number]["id"];
export const conditionIds = conditions.map((c) => c.id) as [Condition, ...Condition[]];

/** Lumbar disc levels, top to bottom. */
export const spinalLevels = ["L1-L2", "L2-L3", "L3-L4", "L4-L5", "L5-S1"] as const;
export type SpinalLevel = (typeof spinalLevels)[number];

export const conditionLabel = (id: string): string => conditions.find((c) => c.id === id)?.label ?? id;
