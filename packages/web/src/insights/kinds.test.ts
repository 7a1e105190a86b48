import { treatmentKindIds } from "@evident/domain";
import { describe, expect, it } from "vitest";
import { kindColour, kindShort } from "./kinds";

/** WCAG relative luminance of a #RRGGBB colour. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
const contrastOnWhite = (hex: string) => 1.05 / (luminance(hex) + 0.05);

describe("treatment kind colours and short names", () => {
  it("give every kind its own colour with at least 3:1 contrast on white, and its own short name", () => {
    const colours = treatmentKindIds.map(kindColour);
    expect(new Set(colours).size).toBe(treatmentKindIds.length);
    for (const [i, kind] of treatmentKindIds.entries())
      expect(contrastOnWhite(colours[i]!), kind).toBeGreaterThanOrEqual(3);
    const names = treatmentKindIds.map(kindShort);
    expect(new Set(names).size).toBe(treatmentKindIds.length);
    for (const n of names) expect(n.length).toBeLessThanOrEqual(24);
  });
});
