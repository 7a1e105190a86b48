import { describe, expect, it } from "vitest";
import { wilsonInterval } from "../stats/proportions";
import { decisionOptions, findOption } from "./catalogue";
import {
  figureWords,
  glanceFigure,
  glanceSentences,
  isFairComparison,
  rangeNote,
  rowRange,
  rowSentence,
} from "./figures";
import { shamResponseLevi2025 } from "./options-cell";
import { localizedOption } from "./options-es";
import type { DecisionOption, OutOf100 } from "./types";

const option = (id: string): DecisionOption => {
  const o = findOption(id);
  if (!o) throw new Error(`no option ${id}`);
  return o;
};

const tables = (o: DecisionOption): OutOf100[] => [
  ...o.outOf100,
  ...(o.shamResponse ? [o.shamResponse] : []),
];

describe("the glance table compares like with like (IPDAS: same outcome, time frame and denominator)", () => {
  it("gives every sham-controlled or randomized table the option's group and the one it was compared with", () => {
    const controlled = decisionOptions.flatMap((o) =>
      o.outOf100.filter((t) => t.design === "sham-controlled" || t.design === "randomized"),
    );
    expect(controlled.length).toBeGreaterThan(3);
    for (const t of controlled) expect(isFairComparison(t), t.peopleLike).toBe(true);
    for (const a of decisionOptions.flatMap((o) => o.averages)) {
      expect(a.rows.some((r) => r.arm === "option")).toBe(true);
      expect(a.rows.some((r) => r.arm === "comparison")).toBe(true);
    }
  });

  it.each(
    decisionOptions.map((o) => [o.id, o] as const),
  )("%s: shows a fair comparison or says why not", (_, o) => {
    const g = glanceFigure(o);
    if (g.kind === "count") {
      expect(["sham-controlled", "randomized"]).toContain(g.table.design);
      expect(g.table.rows.filter((r) => r.arm === "comparison").length).toBeGreaterThan(0);
      expect(g.table.approximate).toBeUndefined();
    } else if (g.kind === "none") {
      // The reason is the card's own, never a silent default.
      expect(o.noComparison).toBe(g.reason);
    }
    // A before-and-after series is never the glance figure; the card says there was no comparison.
    if (o.outOf100.some((t) => t.design === "no-comparison"))
      expect(g).toEqual({ kind: "none", reason: "no-comparison-group" });
    // A fake-shot group alone is context on the card, never a figure of its own.
    expect(o.outOf100.every((t) => t.design !== "sham-arm")).toBe(true);
  });

  it("puts the fake shot beside the bone marrow shot and non-surgical care beside early surgery", () => {
    const bmc = glanceFigure(option("bone-marrow-concentrate"));
    expect(bmc.kind === "count" && bmc.table.rows.map((r) => [r.label, r.count])).toEqual([
      ["Bone marrow shot", 44],
      ["Fake shot", 56],
    ]);
    const surgery = glanceFigure(option("discectomy"));
    expect(surgery.kind === "count" && surgery.table.rows.map((r) => [r.label, r.count])).toEqual([
      ["Early surgery", 95],
      ["Non-surgical care first", 95],
    ]);
    expect(glanceFigure(option("platelet-rich-plasma"))).toEqual({
      kind: "none",
      reason: "no-comparison-group",
    });
    // Fusion's rough "about a third" is no glance figure; the randomized averages are.
    expect(glanceFigure(option("fusion")).kind).toBe("average");
  });

  it("gives care without needles or surgery its comparative figure where the sources have one, and a reason where not", () => {
    const kinds = Object.fromEntries(
      decisionOptions
        .filter((o) => !o.investigational)
        .map((o) => {
          const g = glanceFigure(o);
          return [o.id, g.kind === "none" ? g.reason : g.kind];
        }),
    );
    expect(kinds).toEqual({
      "natural-course": "no-comparison-group",
      "exercise-physiotherapy": "standard-score-only",
      "pilates-yoga": "standard-score-only",
      "psychological-programme": "no-figure",
      "spinal-manipulation": "no-figure",
      massage: "no-figure",
      acupuncture: "no-figure",
      heat: "no-figure",
      nsaids: "no-figure",
      opioids: "average",
      "epidural-steroid-injection": "average",
      "radiofrequency-denervation": "average",
      discectomy: "count",
      fusion: "average",
    });
  });

  it("keeps Levi 2016's composite outcome apart from Levi 2025's pain-only sham group", () => {
    const [prp] = option("platelet-rich-plasma").outOf100;
    expect(prp?.design).toBe("no-comparison");
    expect(prp?.sources).toEqual(["levi2016"]);
    expect(prp?.outcome).not.toBe(shamResponseLevi2025.outcome);
    expect(prp?.note).toMatch(/cannot be set beside/);
  });
});

describe("each count with its group size and likely range", () => {
  it("gives every row of a fair comparison its group size, unless the source gives only rough shares", () => {
    for (const o of decisionOptions)
      for (const t of tables(o).filter((x) => x.design !== "no-comparison" || x.rows.length > 0)) {
        if (t.approximate) expect(rangeNote(t, "en")).toMatch(/rough shares/);
        else for (const r of t.rows) expect(r.armSize, `${o.id}: ${r.label}`).toBeGreaterThan(0);
      }
  });

  it("rounds each count from the study's own count and group size", () => {
    for (const o of decisionOptions)
      for (const t of tables(o))
        for (const r of t.rows)
          if (r.events !== undefined && r.armSize !== undefined)
            expect(r.count, `${o.id}: ${r.label}`).toBe(Math.round((100 * r.events) / r.armSize));
  });

  it("works out Wilson ranges that match the ones Levi 2025 reports (31–59 and 34–75 at 12 months)", () => {
    const [bmc, sham] = option("bone-marrow-concentrate").outOf100[0]?.rows ?? [];
    expect(bmc && rowRange(bmc)).toEqual({ low: 31, high: 59, from: "count" });
    expect(sham && rowRange(sham)).toEqual({ low: 34, high: 75, from: "count" });
    expect(shamResponseLevi2025.rows.map(rowRange).map((g) => g && [g.low, g.high])).toEqual([
      [16, 56],
      [20, 61],
      [34, 75],
    ]);
  });

  it("marks a range from a share (no count given) as rough, and gives none without a group size", () => {
    const [early] = option("discectomy").outOf100[0]?.rows ?? [];
    const w = wilsonInterval(134, 141);
    expect(early && rowRange(early)).toEqual({
      low: Math.round(w.lower * 100),
      high: Math.round(w.upper * 100),
      from: "share",
    });
    expect(rangeNote(option("discectomy").outOf100[0]!, "en")).toMatch(/rough/);
    expect(rowRange({ label: "x", arm: "option", count: 33 })).toBeNull();
  });
});

describe("framing each count both ways", () => {
  it("says how many did and how many did not, with the group size and range, in English and Spanish", () => {
    const t = option("bone-marrow-concentrate").outOf100[0]!;
    expect(rowSentence(t.rows[0]!, t, "en")).toBe(
      "Bone marrow shot: 44 of 100 had their pain cut by half or more; 56 did not (45 people in this group, likely 31 to 59).",
    );
    const es = localizedOption(option("bone-marrow-concentrate"), "es").outOf100[0]!;
    expect(rowSentence(es.rows[1]!, es, "es")).toBe(
      "Inyección falsa: 56 de cada 100 vieron bajar su dolor a la mitad o más; 44 no (18 personas en este grupo, lo más probable, de 34 a 75).",
    );
    expect(figureWords.en.short({ count: 33, countHigh: 56 })).toBe("33 to 56 of 100 (44 to 67 did not)");
  });

  it("frames every count on every card both ways", () => {
    for (const o of decisionOptions)
      for (const t of tables(o))
        for (const r of t.rows) {
          expect(rowSentence(r, t, "en")).toContain(`${100 - (r.countHigh ?? r.count)}`);
          expect(rowSentence(r, t, "en")).toMatch(/did not/);
        }
  });

  it("prints the glance figure in the summary with both groups, both ways, or the reason there is none", () => {
    expect(glanceSentences(option("bone-marrow-concentrate"), "en")).toBe(
      "Adults with long-lasting low back pain thought to come from a disc, in a trial of 63 people. After 12 months: " +
        "Bone marrow shot: 44 of 100 had their pain cut by half or more; 56 did not (45 people in this group, likely 31 to 59). " +
        "Fake shot: 56 of 100 had their pain cut by half or more; 44 did not (18 people in this group, likely 34 to 75). " +
        "Likely ranges are 95% ranges we worked out from the study's own counts.",
    );
    expect(glanceSentences(option("opioids"), "en")).toMatch(
      /After 12 months, how much pain got in the way of daily life, on a scale of 0 to 10: The score was 3\.4 with opioid pills and 3\.3 with other pain pills/,
    );
    expect(glanceSentences(option("platelet-rich-plasma"), "en")).toBe(
      "No comparison group, so no fair number.",
    );
  });

  it("writes each average comparison's numbers into its summary", () => {
    for (const a of decisionOptions.flatMap((o) => o.averages)) {
      for (const r of a.rows)
        if (r.mean !== undefined) expect(a.summary, a.peopleLike).toContain(r.mean.toFixed(1));
      if (a.difference)
        expect(a.summary, a.peopleLike).toContain(String(Math.round(Math.abs(a.difference.value))));
    }
  });
});
