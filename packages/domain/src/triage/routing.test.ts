import { describe, expect, it } from "vitest";
import type { EvidentError } from "../errors";
import { careRouteFor, careRoutes, routeCare } from "./routing";

/** STarT Back items 1–8 as a string of 0/1 and item 9 as 0–4. */
const startBack = (items1to8: string, bother: number) => ({
  ...Object.fromEntries([...items1to8].map((c, i) => [`sb_${i + 1}`, Number(c)])),
  sb_9: bother,
});

describe("STarT Back care routing (Hill 2011)", () => {
  it.each([
    ["00000000", 0, "low", "advice-self-management"],
    ["11110000", 0, "medium", "physiotherapy"],
    ["00001111", 0, "high", "physical-and-psychological"],
    ["00001110", 3, "high", "physical-and-psychological"],
  ] as const)("routes %s with item 9 = %i (%s) to %s", (items, bother, group, route) => {
    const r = routeCare(startBack(items, bother), "none");
    expect(r.group).toBe(group);
    expect(r.route.id).toBe(route);
    expect(r.route).toBe(careRouteFor(group));
  });

  it("cites the STarT Back trial and NICE NG59 for every route", () => {
    for (const route of Object.values(careRoutes)) expect(route.source).toEqual(["hill2011", "niceNg59"]);
  });

  it("refuses to route a patient with a red flag until a clinician has reviewed", () => {
    expect(() => routeCare(startBack("00000000", 0), "soon")).toThrowError(/clinician reviews red flags/);
  });

  it("refuses unscorable answers, naming the item or the questionnaire", () => {
    const issues = (raw: unknown) => {
      try {
        routeCare(raw, "none");
      } catch (e) {
        return (e as EvidentError).issues;
      }
      throw new Error("expected a refusal");
    };
    expect(issues({ ...startBack("00000000", 0), sb_3: 2 })).toEqual([
      { path: "startBack.sb_3", message: expect.any(String) },
    ]);
    expect(issues({ ...startBack("00000000", 0), sb_9: null })).toEqual([
      { path: "startBack", message: "1 of 9 items unanswered; all 9 are needed" },
    ]);
  });
});
