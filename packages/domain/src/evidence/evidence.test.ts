import { describe, expect, it } from "vitest";
import { treatmentKinds } from "../catalogue/treatments";
import { citations } from "../citations";
import { isIsoDate } from "../dates";
import { decisionAidContent, decisionOptionIds, decisionOptions, findOption } from "./catalogue";
import { shamResponseLevi2025 } from "./options-cell";
import { optionsForTreatmentKind, treatmentKindForOption } from "./treatment-kinds";
import type { DecisionOption, OutOf100 } from "./types";
import { isWellTested, valuesClarification, valuesServedBy } from "./values";

const option = (id: string): DecisionOption => {
  const o = findOption(id);
  if (!o) throw new Error(`no option ${id}`);
  return o;
};

describe("decision-aid catalogue", () => {
  it("has every option the decision aid must offer, natural course first", () => {
    expect(decisionOptionIds).toEqual([
      "natural-course",
      "exercise-physiotherapy",
      "pilates-yoga",
      "psychological-programme",
      "spinal-manipulation",
      "massage",
      "acupuncture",
      "heat",
      "nsaids",
      "opioids",
      "epidural-steroid-injection",
      "radiofrequency-denervation",
      "discectomy",
      "fusion",
      "bone-marrow-concentrate",
      "adipose-derived-cells",
      "cultured-or-donor-cells",
      "platelet-rich-plasma",
    ]);
  });

  it("has a version, a production date, a review date, an update policy and a funding statement", () => {
    expect(decisionAidContent.version).toMatch(/^\d{4}\.\d+\.\d+$/);
    expect(isIsoDate(decisionAidContent.publishedOn)).toBe(true);
    expect(isIsoDate(decisionAidContent.reviewBy)).toBe(true);
    expect(decisionAidContent.reviewBy > decisionAidContent.publishedOn).toBe(true);
    expect(decisionAidContent.updatePolicy).toMatch(/at least once a year/);
    expect(decisionAidContent.funding).toMatch(/No maker or seller/);
  });

  describe.each(decisionOptions.map((o) => [o.id, o] as const))("%s", (_, o) => {
    it("fills the template, with benefits and harms in equal detail", () => {
      for (const text of [
        o.name,
        o.whatItIs,
        o.whatItIsLike,
        o.certaintyNote,
        o.timeToEffect,
        o.regulatoryStatus,
      ])
        expect(text.trim().length).toBeGreaterThan(0);
      expect(o.benefits.length).toBeGreaterThanOrEqual(2);
      expect(o.harms.length).toBeGreaterThanOrEqual(2);
      expect(Math.abs(o.benefits.length - o.harms.length)).toBeLessThanOrEqual(1);
    });

    it("gives an 'out of 100' table or says why there is none", () => {
      if (o.outOf100.length === 0) expect(o.noNumbers?.length).toBeGreaterThan(0);
      for (const t of [...o.outOf100, ...(o.shamResponse ? [o.shamResponse] : [])]) {
        expect(t.timeFrame.length).toBeGreaterThan(0);
        expect(t.sources.length).toBeGreaterThan(0);
        for (const r of t.rows) {
          expect(r.count).toBeGreaterThanOrEqual(0);
          expect(r.countHigh ?? r.count).toBeLessThanOrEqual(100);
          expect(r.countHigh ?? r.count).toBeGreaterThanOrEqual(r.count);
        }
      }
    });

    it("cites a known source for the option and every number", () => {
      const keys = [
        ...o.sources,
        ...o.outOf100.flatMap((t) => t.sources),
        ...o.averages.flatMap((a) => a.sources),
        ...o.otherNumbers.flatMap((n) => n.sources),
        ...(o.cost.source ? [o.cost.source] : []),
      ];
      expect(o.sources.length).toBeGreaterThan(0);
      for (const n of [...o.otherNumbers, ...o.averages]) expect(n.sources.length).toBeGreaterThan(0);
      for (const k of keys) expect(citations[k], k).toBeDefined();
      // A cost is an estimate unless it names its source.
      expect(o.cost.estimate).toBe(o.cost.source === undefined);
    });

    it("has a certainty with the sources it rests on, or says why there is none", () => {
      if (o.certainty === null) {
        expect(o.noRating, "a reason for no rating").toBeDefined();
        expect(o.certaintyBy).toEqual([]);
        expect(o.certaintyNote).toMatch(/^(No rating|Not rated)\b/);
      } else {
        expect(o.noRating).toBeUndefined();
        expect(o.certaintyBy.length).toBeGreaterThan(0);
        for (const k of o.certaintyBy) expect(o.sources, k).toContain(k);
      }
    });

    it("says what guidelines say of it, citing them", () => {
      if (o.guideline.stance === "not-checked") expect(o.guideline.sources).toEqual([]);
      else expect(o.guideline.sources.length).toBeGreaterThan(0);
      for (const k of o.guideline.sources) expect(citations[k], k).toBeDefined();
    });
  });

  it("marks every cell therapy investigational, with low or very low certainty and the sham response", () => {
    const cell = decisionOptions.filter((o) => o.group === "cell-therapy");
    expect(cell.map((o) => o.id)).toEqual([
      "bone-marrow-concentrate",
      "adipose-derived-cells",
      "cultured-or-donor-cells",
      "platelet-rich-plasma",
    ]);
    for (const o of cell) {
      expect(o.investigational).toBe(true);
      expect(["low", "very low"]).toContain(o.certainty);
      expect(o.shamResponse).toBe(shamResponseLevi2025);
    }
    for (const o of decisionOptions.filter((x) => x.group !== "cell-therapy"))
      expect(o.investigational).toBe(false);
  });
});

describe("numbers carried over from the sources (domain reference §5 and citations.ts)", () => {
  const rows = (t: OutOf100 | undefined) =>
    t?.rows.map((r) => [r.label, r.count, r.countHigh, r.armSize, r.events]);

  it("Levi 2025: 44 of 45 people's share with bone marrow vs 56 of 18's with a fake shot at 12 months; the sham group at 3, 6 and 12 months", () => {
    const bmc = option("bone-marrow-concentrate").outOf100[0];
    expect(bmc?.timeFrame).toBe("after 12 months");
    expect(rows(bmc)).toEqual([
      ["Bone marrow shot", 44, undefined, 45, 20],
      ["Fake shot", 56, undefined, 18, 10],
    ]);
    expect(rows(shamResponseLevi2025)).toEqual([
      ["Fake shot, 3 months", 33, undefined, 18, 6],
      ["Fake shot, 6 months", 39, undefined, 18, 7],
      ["Fake shot, 12 months", 56, undefined, 18, 10],
    ]);
  });

  it("Peul 2007: 95 of 100 recovered at 1 year either way (141 and 142 people); 89 and 39 of 100 had an operation within a year", () => {
    const [recovered, operated] = option("discectomy").outOf100;
    expect(rows(recovered)).toEqual([
      ["Early surgery", 95, undefined, 141, undefined],
      ["Non-surgical care first", 95, undefined, 142, undefined],
    ]);
    expect(rows(operated)).toEqual([
      ["Early surgery", 89, undefined, 141, 125],
      ["Non-surgical care first", 39, undefined, 142, 55],
    ]);
    expect(operated?.note).toMatch(/62 of the 142/);
  });

  it("Levi 2016: 9 of 19 met the composite success measure at 6 months after PRP, with no comparison group", () => {
    const prp = option("platelet-rich-plasma").outOf100[0];
    expect(prp).toMatchObject({ timeFrame: "after 6 months", design: "no-comparison" });
    expect(rows(prp)).toEqual([["PRP shot into the disc", 47, undefined, 19, 9]]);
    expect(prp?.outcome).toMatch(/pain cut by half or more and a daily-life score at least 30% better/);
  });

  it("SPACE, Chou 2015, Mint and the MRC trial as average comparisons naming both groups", () => {
    const [space] = option("opioids").averages;
    expect(space?.rows.map((r) => [r.armSize, r.mean])).toEqual([
      [120, 3.4],
      [120, 3.3],
    ]);
    expect(space?.peopleLike).toMatch(/hip or knee arthritis/);
    expect(option("epidural-steroid-injection").averages[0]?.difference).toEqual({
      value: -7.55,
      low: -11.4,
      high: -3.74,
    });
    expect(option("radiofrequency-denervation").averages[0]?.summary).toMatch(/less than the 2 points/);
    expect(option("radiofrequency-denervation").sources).toContain("juch2017");
    const [mrc] = option("fusion").averages;
    expect(mrc?.rows.map((r) => [r.armSize, r.mean])).toEqual([
      [176, 34.0],
      [173, 36.1],
    ]);
    expect(mrc?.difference).toEqual({ value: -4.1, low: -8.1, high: -0.1 });
  });

  it("Costa 2012 pools new and persistent back pain and says it tested no treatment; the SVF price", () => {
    const costa = option("natural-course").otherNumbers[0]?.text;
    expect(costa).toMatch(/33 groups of people, 11,166 in all/);
    expect(costa).toMatch(/Some had new back pain\. Others had pain that had lasted 3 to 12 months\./);
    expect(costa).toMatch(/51 at the start\. It was 33 after 6 weeks, 26 after 6 months and 23 after a year/);
    expect(costa).not.toMatch(/no special treatment/);
    expect(option("adipose-derived-cells").otherNumbers[0]?.text).toMatch(/\$8,900 .* \$41,500/);
  });
});

describe("values clarification", () => {
  it("asks about the five things that matter most, on one scale", () => {
    expect(valuesClarification.values.map((v) => v.id)).toEqual([
      "avoid-surgery",
      "fast-relief",
      "avoid-procedures",
      "low-cost",
      "certainty",
    ]);
    expect(valuesClarification.scale.labels).toHaveLength(valuesClarification.scale.max + 1);
  });

  it("lines options up against values from their own fields", () => {
    expect(valuesServedBy(option("natural-course"))).toEqual([
      "avoid-surgery",
      "avoid-procedures",
      "low-cost",
    ]);
    expect(valuesServedBy(option("nsaids"))).toEqual([
      "avoid-surgery",
      "fast-relief",
      "avoid-procedures",
      "low-cost",
      "certainty",
    ]);
    expect(valuesServedBy(option("fusion"))).toEqual([]);
    expect(valuesServedBy(option("bone-marrow-concentrate"))).toEqual(["avoid-surgery"]);
    expect(valuesServedBy(option("opioids"))).toEqual([
      "avoid-surgery",
      "fast-relief",
      "avoid-procedures",
      "low-cost",
    ]);
  });

  it("counts as well tested only moderate or high certainty that guidelines recommend and no trial found no better", () => {
    expect(decisionOptions.filter(isWellTested).map((o) => o.id)).toEqual([
      "exercise-physiotherapy",
      "nsaids",
    ]);
    for (const o of decisionOptions.filter(isWellTested)) {
      expect(["moderate", "high"]).toContain(o.certainty);
      expect(o.guideline.stance).toBe("recommended");
      expect(o.noBetterThanAlternatives).toBe(false);
    }
  });
});

describe("options and the registry's treatment kinds", () => {
  it("links every option to an existing kind, with one exact option per kind", () => {
    const kinds = new Set<string>(treatmentKinds.map((k) => k.id));
    for (const id of decisionOptionIds) {
      const link = treatmentKindForOption(id);
      expect(link, id).toBeDefined();
      expect(kinds.has(link!.kind), id).toBe(true);
    }
    for (const kind of treatmentKinds) {
      const linked = optionsForTreatmentKind(kind.id);
      for (const l of linked) expect(decisionOptionIds).toContain(l.optionId);
      expect(linked.filter((l) => l.match === "exact").length).toBeLessThanOrEqual(1);
      if (kind.id !== "other") expect(linked.length, kind.id).toBeGreaterThan(0);
    }
  });

  it("marks a kind investigational exactly when its option is, so no record reads as approved care", () => {
    for (const o of decisionOptions) {
      const link = treatmentKindForOption(o.id)!;
      if (link.match !== "exact") continue;
      const kind = treatmentKinds.find((k) => k.id === link.kind)!;
      expect(Boolean("regulatoryNote" in kind && kind.regulatoryNote), o.id).toBe(o.investigational);
      if ("regulatoryNote" in kind)
        expect(kind.regulatoryNote, o.id).toMatch(/\b(no|not|none)\b[^.]*FDA-approved for back pain/);
    }
  });

  it("says when a kind records more than the option (all medicines are one kind)", () => {
    expect(treatmentKindForOption("bone-marrow-concentrate")).toEqual({
      kind: "bone_marrow_concentrate",
      match: "exact",
    });
    expect(treatmentKindForOption("nsaids")).toEqual({ kind: "medication", match: "broader" });
    expect(optionsForTreatmentKind("medication").map((o) => o.optionId)).toEqual(["nsaids", "opioids"]);
    expect(treatmentKindForOption("platelet-rich-plasma")).toEqual({
      kind: "platelet_rich_plasma",
      match: "exact",
    });
    expect(treatmentKindForOption("natural-course")).toEqual({
      kind: "advice_self_management",
      match: "exact",
    });
    expect(treatmentKindForOption("no-such-option")).toBeUndefined();
  });
});
