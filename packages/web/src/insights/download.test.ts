import { describe, expect, it } from "vitest";
import { wrapText } from "./download";

describe("caption wrapping in a downloaded figure", () => {
  it("breaks at spaces within the width and keeps every word", () => {
    const text =
      "Cohort 'Older BMC' v2 (network): Bone-marrow concentrate injection; age 40–49 or 50–59; female";
    const lines = wrapText(text, 30);
    expect(lines.every((l) => l.length <= 30)).toBe(true);
    expect(lines.join(" ")).toBe(text);
  });

  it("cuts a word longer than the width", () => {
    expect(wrapText("abcdefghij", 4)).toEqual(["abcd", "efgh", "ij"]);
  });
});
