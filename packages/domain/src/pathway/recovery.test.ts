import { describe, expect, it } from "vitest";
import { treatmentKinds } from "../catalogue/treatments";
import { citations } from "../citations";
import { EMERGENCY_NUMBER, withEmergencyNumber } from "../emergency-number";
import { decisionOptionIds } from "../evidence/catalogue";
import { readingGrade } from "../readability";
import {
  allRecoveryPhases,
  currentPhase,
  familyPhases,
  recoveryFamilies,
  recoveryFamily,
  recoveryFamilyForOption,
  recoveryPhases,
} from "./recovery";
import { localizedPhase, recoveryPhaseWordsEs } from "./recovery-es";

const words = (kind: string) =>
  recoveryPhases(kind)
    .map((p) => [p.title, p.text, ...p.tasks, p.warning ?? ""].join(" "))
    .join(" ");

describe("recovery phases", () => {
  it("are written at reading grade 8 or below, each with a certainty and a source unless it is clinical experience", () => {
    for (const p of allRecoveryPhases) {
      expect(readingGrade(p.text), p.id).toBeLessThanOrEqual(8);
      if (p.warning) expect(readingGrade(withEmergencyNumber(p.warning, "911")), p.id).toBeLessThanOrEqual(8);
      if (p.certainty !== "clinical experience") expect(p.sources.length, p.id).toBeGreaterThan(0);
      for (const k of p.sources) expect(citations[k]).toBeDefined();
    }
  });

  it("have ids unique across the families, so a translation can be found by id", () => {
    const ids = allRecoveryPhases.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("follow the treatment kind: a harvest only where cells were taken from the patient", () => {
    expect(recoveryFamily("bone_marrow_concentrate")).toBe("cell-harvest");
    expect(recoveryFamily("adipose_derived_cells")).toBe("cell-harvest");
    expect(recoveryFamily("epidural_steroid_injection")).toBe("injection");
    expect(recoveryFamily("discectomy")).toBe("surgery");
    expect(recoveryFamily("fusion")).toBe("surgery");
    expect(recoveryFamily("exercise_physiotherapy")).toBe("conservative");
    expect(recoveryFamily("medication")).toBe("conservative");
    expect(recoveryFamily("acupuncture")).toBe("conservative");
    expect(recoveryFamily("radiofrequency_denervation")).toBe("radiofrequency");
    expect(recoveryFamily("platelet_rich_plasma")).toBe("prp");
    expect(recoveryFamily("cultured_or_donor_cells")).toBe("cell-no-harvest");
    expect(recoveryFamily("other")).toBeNull();
    expect(recoveryFamily("no-such-kind")).toBeNull();
    expect(recoveryPhases("other")).toEqual([]);
    expect(words("bone_marrow_concentrate")).toMatch(/harvest site/);
    for (const kind of [
      "epidural_steroid_injection",
      "discectomy",
      "fusion",
      "medication",
      "exercise_physiotherapy",
      "radiofrequency_denervation",
      "platelet_rich_plasma",
      "cultured_or_donor_cells",
    ])
      expect(words(kind), kind).not.toMatch(/harvest|(?<!No )cells were taken from your/i);
    // A steroid injection's patient reads nothing about heat on nerves, and the reverse.
    expect(words("epidural_steroid_injection")).not.toMatch(/heat|nerves .* grow back/i);
    expect(words("radiofrequency_denervation")).toMatch(/grow back/);
    expect(words("radiofrequency_denervation")).not.toMatch(/steroid/i);
    expect(words("discectomy")).toMatch(/wound/);
    expect(words("fusion")).toMatch(/bones take many months to grow together/);
    expect(words("exercise_physiotherapy")).toMatch(/6 to 12 weeks/);
    expect(words("medication")).toMatch(/Do not stop opioids all at once/);
  });

  it("give every kind but 'other' and every option but doing nothing a family", () => {
    for (const k of treatmentKinds)
      if (k.id !== "other") expect(recoveryPhases(k.id).length, k.id).toBeGreaterThan(0);
    for (const id of decisionOptionIds)
      if (id !== "natural-course") expect(recoveryFamilyForOption(id), id).not.toBeNull();
    expect(recoveryFamilyForOption("platelet-rich-plasma")).toBe("prp");
    expect(recoveryFamilyForOption("cultured-or-donor-cells")).toBe("cell-no-harvest");
    expect(recoveryFamilyForOption("radiofrequency-denervation")).toBe("radiofrequency");
    expect(recoveryFamilyForOption("psychological-programme")).toBe("conservative");
    expect(recoveryFamilyForOption("spinal-manipulation")).toBe("conservative");
    expect(familyPhases("cell-no-harvest")[0]?.text).toMatch(/No cells were taken from your body/);
    expect(familyPhases("cell-no-harvest")[0]?.text).not.toMatch(/PRP|blood/);
    expect(familyPhases("prp")[0]?.text).toMatch(/blood was taken from your arm/);
  });

  it("never say a cell therapy works: investigational, not FDA-approved, and the sham did as well", () => {
    for (const family of ["cell-harvest", "cell-no-harvest", "prp"] as const) {
      const text = familyPhases(family)
        .map((p) => p.text)
        .join(" ");
      expect(text).not.toMatch(/\b(proven|cures?|regenerates?)\b/i);
      expect(text).toMatch(/still being studied/);
      expect(text).toMatch(/not approved by the FDA for back pain/);
      expect(text).toMatch(/fake injection/);
    }
    expect(words("bone_marrow_concentrate")).toMatch(/fake injection helped just as much/);
  });

  it("cover every day from the treatment on, without gaps", () => {
    for (const family of recoveryFamilies) {
      const phases = familyPhases(family);
      expect(phases[0]?.fromDay, family).toBe(0);
      for (let i = 1; i < phases.length; i++)
        expect(phases[i]!.fromDay, family).toBe((phases[i - 1]!.toDay ?? -1) + 1);
      expect(phases.at(-1)?.toDay, family).toBeNull();
    }
    const phases = recoveryPhases("epidural_steroid_injection");
    expect(currentPhase(phases, "2026-03-01", "2026-02-28")).toBeNull();
    expect(currentPhase(phases, "2026-03-01", "2026-03-15")?.id).toBe("injection-days");
    expect(currentPhase(phases, "2026-03-01", "2026-03-16")?.id).toBe("injection-effect");
    expect(currentPhase(phases, "2026-03-01", "2027-03-01")?.id).toBe("injection-long-term");
    expect(currentPhase(recoveryPhases("fusion"), "2026-03-01", "2026-03-10")?.id).toBe("surgery-wound");
  });
});

describe("after a needle near the spine", () => {
  const needleFamilies = ["cell-harvest", "cell-no-harvest", "prp", "injection", "radiofrequency"] as const;

  it("the first phase names the emergency signs and the clinic's emergency number, in English and Spanish", () => {
    for (const family of [...needleFamilies, "surgery"] as const) {
      const first = familyPhases(family)[0]!;
      const en = first.warning ?? "";
      expect(en, family).toMatch(/fever/);
      expect(en, family).toMatch(/legs get weak/);
      expect(en, family).toMatch(/cannot pee or hold your bowels/);
      expect(en, family).toMatch(/skin between your legs goes numb/);
      expect(en, family).toContain(`call ${EMERGENCY_NUMBER}`);
      const es = localizedPhase(first, "es").warning ?? "";
      expect(es, family).toMatch(/fiebre/);
      expect(es, family).toMatch(/piernas débiles/);
      expect(es, family).toMatch(/no puede orinar o aguantar la caca/);
      expect(es, family).toMatch(/piel entre las piernas/);
      expect(es, family).toContain(`llame al ${EMERGENCY_NUMBER}`);
    }
  });

  it("cites for cultured or donor cells and for PRP the trials of those treatments, not the PRP case series", () => {
    const effect = (family: "cell-no-harvest" | "prp") =>
      familyPhases(family).find((p) => p.id.endsWith("-effect"))!;
    expect(effect("cell-no-harvest").sources).toContain("mesoblastDr003");
    expect(effect("cell-no-harvest").sources).not.toContain("levi2016");
    expect(effect("cell-no-harvest").text).toMatch(/If or when they help is not known/);
    expect(effect("prp").sources).toEqual(expect.arrayContaining(["tuakliWosornu2016", "rugpoliPrpTrial"]));
    expect(effect("prp").sources).not.toContain("levi2016");
    expect(effect("prp").text).not.toMatch(/3 to 6 months/);
    expect(effect("prp").text).toMatch(/fake injection/);
  });
});

describe("recovery phases in Spanish", () => {
  it("has the words of every phase and of no other, each a translation and not a copy", () => {
    expect(Object.keys(recoveryPhaseWordsEs).sort()).toEqual(allRecoveryPhases.map((p) => p.id).sort());
    for (const p of allRecoveryPhases) {
      const es = recoveryPhaseWordsEs[p.id]!;
      expect(es.text, p.id).not.toBe(p.text);
      expect(es.tasks.length, p.id).toBe(p.tasks.length);
      expect(es.warning === null, p.id).toBe(p.warning === null);
    }
  });

  it("keeps the days, certainty and sources of the English phase", () => {
    const [p] = recoveryPhases("bone_marrow_concentrate");
    const es = localizedPhase(p!, "es");
    expect(es).toMatchObject({
      id: p!.id,
      fromDay: 0,
      toDay: 14,
      certainty: p!.certainty,
      sources: p!.sources,
    });
    expect(es.title).toMatch(/^Semanas 1 y 2/);
    expect(localizedPhase(p!, "en")).toBe(p);
  });
});
