import { describe, expect, it } from "vitest";
import type { OutcomeRow } from "../api/outcomes";
import { registryFigures } from "./registry";

const row = (kind: string, timepoint: string, n: number, responders: number): OutcomeRow => ({
  treatmentKind: kind,
  timepoint,
  due: n,
  responded: n,
  missed: 0,
  pending: 0,
  completeness: { closed: n, responded: n, share: 1, shareCI: [0.9, 1] },
  measures: [
    {
      instrument: "nrs_back",
      n,
      answered: n,
      suppressed: false,
      baselineMean: 6,
      followUpMean: 4,
      meanChange: -2,
      meanChangeCI: [-2.5, -1.5],
      responders,
      responderShare: responders / n,
      responderShareCI: [responders / n - 0.1, responders / n + 0.1],
      responderRule: "improved by ≥ 2 points or ≥ 30% (Ostelo 2008)",
    },
  ],
});

describe("the clinic's own numbers beside an option", () => {
  it("are shown from 30 patients up, at the latest timepoint that has them", () => {
    const figures = registryFigures(
      [row("fusion", "12m", 29, 20), row("fusion", "6m", 30, 18), row("fusion", "3m", 80, 40)],
      30,
    );
    expect(figures).toEqual([
      expect.objectContaining({ optionId: "fusion", timepoint: "6m", n: 30, responders: 18, share: 0.6 }),
    ]);
  });
  it("are not shown from fewer than 30, nor for an option the registry does not record", () => {
    expect(registryFigures([row("fusion", "12m", 29, 20)], 30)).toEqual([]);
    expect(registryFigures([row("other", "12m", 300, 200)], 30)).toEqual([]);
  });
  it("say when the registry's kind records broader care than the option", () => {
    const figures = registryFigures([row("medication", "3m", 40, 10)], 30);
    expect(figures.map((f) => [f.optionId, f.match])).toEqual([
      ["nsaids", "broader"],
      ["opioids", "broader"],
    ]);
  });
});
