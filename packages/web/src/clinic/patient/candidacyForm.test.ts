import type { PatientDetail, PatientTriage } from "@evident/domain/api";
import { evaluateCandidacy } from "@evident/domain/candidacy";
import { describe, expect, it } from "vitest";
import { initialValues, pendingTier, toInput } from "./candidacyForm";

const patient = {
  episodes: [
    {
      id: "e",
      condition: "degenerative_disc_disease",
      spinalLevels: ["L4-L5"],
      onsetDate: null,
      createdAt: "",
    },
  ],
  responses: [
    { instrument: "odi", score: 38 },
    { instrument: "odi", score: 44 },
    { instrument: "nrs_back", score: 6 },
  ],
} as unknown as PatientDetail;

describe("the candidacy form", () => {
  it("starts from the record: condition, levels and the latest ODI and back-pain scores", () => {
    const v = initialValues(patient, null);
    expect(v).toMatchObject({
      condition: "degenerative_disc_disease",
      levels: ["L4-L5"],
      odi: 44,
      backPainNrs: 6,
    });
    expect(v.contraindications.cancer).toBe("unknown");
  });
  it("sends unknown as null, so the checklist says unknown instead of guessing", () => {
    const input = toInput(initialValues(patient, null));
    expect(input.conservativeCare).toEqual({ tried: null, months: null, supervisedPhysiotherapy: null });
    const result = evaluateCandidacy({ ...input, triageTier: "none" });
    expect(result.outcome).toBe("needs-more-information");
    expect(result.criteria.find((c) => c.id === "odi-30-90")?.status).toBe("met");
  });
  it("round-trips the last signed facts", () => {
    const v = initialValues(patient, null);
    v.careTried = "yes";
    v.contraindications.fibromyalgia = "no";
    const again = initialValues(patient, toInput(v) as Record<string, unknown>);
    expect(again).toEqual(v);
  });
  it("takes the most urgent unreviewed flag as the triage tier, none once reviewed", () => {
    const intake = (tier: string, reviewed: boolean) => ({ tier, review: reviewed ? {} : null });
    const t = (intakes: unknown[]) => ({ intakes }) as unknown as PatientTriage;
    expect(pendingTier(t([]))).toBeNull();
    expect(pendingTier(t([intake("soon", false), intake("emergency", false)]))).toBe("emergency");
    expect(pendingTier(t([intake("emergency", true), intake("none", false)]))).toBe("none");
  });
});
