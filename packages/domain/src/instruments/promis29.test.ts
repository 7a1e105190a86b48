import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { scoreAnswers } from "./index";
import { NO_SINGLE_SCORE, type Promis29DomainId, promis29, promis29TScore, scorePromis29 } from "./promis29";
import { promis29Items } from "./promis29-items";
import { promis29DomainIds, promis29TScores } from "./tables/promis29-v2.1";
import { parseCsv } from "./tables/source/parse-csv";

const choiceItems = promis29Items.filter((i) => i.type === "choice");
/** The answer (score) of the option with this label. */
const scoreOf = (itemId: string, label: string) =>
  promis29Items.find((i) => i.id === itemId)!.options!.find((o) => o.label === label)!.value as number;
const every = (v: number) => ({ ...Object.fromEntries(choiceItems.map((i) => [i.id, v])), Global07: 5 });

describe("PROMIS-29 Profile v2.1 items", () => {
  const rows = parseCsv(
    readFileSync(new URL("./tables/source/promis29_v2.1_items.csv", import.meta.url), "utf8"),
  );

  it("lists the 29 items of the source file in form order", () => {
    expect(promis29Items.map((i) => i.id)).toEqual(rows.map((r) => r.item_id));
  });

  it("carries each item's text, stem and the score of every option from the source file", () => {
    for (const [i, r] of rows.entries()) {
      const item = promis29Items[i]!;
      expect(item.text, r.item_id).toBe(r.item_text);
      expect(r.context!.startsWith(item.context!), r.item_id).toBe(true);
      if (r.item_id === "Global07") continue;
      const options = r.response_options_with_scores!.split("; ").map((o) => {
        const [label, score] = o.split("=");
        return { label, value: Number(score) };
      });
      expect(item.options, r.item_id).toEqual(options);
    }
  });

  it("reverses exactly the two items the source marks as reverse-scored", () => {
    const reversed = rows.filter((r) => r.reverse_scored === "yes").map((r) => r.item_id);
    expect(reversed).toEqual(["Sleep109", "Sleep116"]);
    expect(scoreOf("Sleep109", "Very good")).toBe(1);
    expect(scoreOf("Sleep116", "Very much")).toBe(1);
    expect(scoreOf("Sleep20", "Very much")).toBe(5);
  });

  it("asks pain intensity as a 0–10 rating", () => {
    const g = promis29Items.at(-1)!;
    expect([g.id, g.type, g.min, g.max]).toEqual(["Global07", "integer", 0, 10]);
  });
});

describe("PROMIS-29 Profile v2.1 scoring", () => {
  it("has no single score: `score` is null and the domains carry the result", () => {
    const r = promis29.score(every(3));
    expect(r.score).toBeNull();
    expect(r.reason).toBe(NO_SINGLE_SCORE);
    expect(r.extras?.domainsScored).toBe(7);
  });

  it("scores the lowest answers as raw 4 and the highest as raw 20 in every domain", () => {
    for (const [v, raw] of [
      [1, 4],
      [5, 20],
    ] as const) {
      const { domains } = scorePromis29(every(v));
      for (const d of promis29DomainIds) expect(domains[d]).toEqual({ raw, ...promis29TScore(d, raw) });
    }
  });

  it("scores a patient who slept very well as the lowest sleep disturbance (reverse-scored items)", () => {
    const answers = {
      Sleep109: scoreOf("Sleep109", "Very good"),
      Sleep116: scoreOf("Sleep116", "Very much"),
      Sleep20: scoreOf("Sleep20", "Not at all"),
      Sleep44: scoreOf("Sleep44", "Not at all"),
    };
    expect(scorePromis29(answers).domains.sleep_disturbance).toEqual({ raw: 4, tScore: 32.0, se: 5.2 });
  });

  it("scores full function and never having trouble as the highest PF and participation T-scores", () => {
    const pf = ["PFA11", "PFA21", "PFA23", "PFA53"].map((id) => [id, scoreOf(id, "Without any difficulty")]);
    const sr = ["SRPPER11_CaPS", "SRPPER18_CaPS", "SRPPER23_CaPS", "SRPPER46_CaPS"].map((id) => [
      id,
      scoreOf(id, "Never"),
    ]);
    const { domains } = scorePromis29(Object.fromEntries([...pf, ...sr]));
    expect(domains.physical_function).toEqual({ raw: 20, tScore: 57.0, se: 6.6 });
    expect(domains.social_roles).toEqual({ raw: 20, tScore: 64.2, se: 5.1 });
  });

  it("gives a domain with one unanswered item no T-score and still scores the others", () => {
    const { domains, domainsScored } = scorePromis29({ ...every(2), EDANX53: null });
    expect(domains.anxiety).toEqual({
      raw: null,
      tScore: null,
      se: null,
      reason: "1 of 4 items unanswered; all 4 are needed",
    });
    expect(domains.depression).toEqual({ raw: 8, tScore: 55.7, se: 2.3 });
    expect(domainsScored).toBe(6);
  });

  it("reports pain intensity raw, and null when unanswered", () => {
    expect(scorePromis29({ Global07: 0 }).painIntensity).toBe(0);
    expect(scorePromis29({ Global07: 7 }).painIntensity).toBe(7);
    expect(scorePromis29({}).painIntensity).toBeNull();
    expect(scorePromis29({}).domainsScored).toBe(0);
  });

  it("refuses out-of-range codes, a 0–10 rating above 10 and unknown item ids, naming each", () => {
    expect(() => scoreAnswers("promis29", { PFA11: 0, EDDEP04: 6, Global07: 11, PFA99: 1 })).toThrowError(
      expect.objectContaining({
        issues: [
          { path: "answers.PFA11", message: "must be one of 5, 4, 3, 2, 1" },
          { path: "answers.EDDEP04", message: "must be one of 1, 2, 3, 4, 5" },
          { path: "answers.Global07", message: "must be between 0 and 10" },
          { path: "answers.PFA99", message: "unknown item for promis29" },
        ],
      }),
    );
  });

  it("refuses a raw score outside the tables", () => {
    expect(() => promis29TScore("fatigue", 3)).toThrow(RangeError);
    expect(() => promis29TScore("fatigue", 21)).toThrow(RangeError);
  });

  it("scores every complete domain by its table and leaves every incomplete one unscored", () => {
    const answer = fc.option(fc.integer({ min: 1, max: 5 }), { nil: null, freq: 6 });
    fc.assert(
      fc.property(fc.array(answer, { minLength: 28, maxLength: 28 }), (values) => {
        const answers = Object.fromEntries(choiceItems.map((item, i) => [item.id, values[i]!]));
        const { domains } = scorePromis29(answers);
        return promis29DomainIds.every((d: Promis29DomainId) => {
          const mine: (number | null)[] = choiceItems.flatMap((item, i) =>
            item.group === d ? [values[i]!] : [],
          );
          const score = domains[d];
          if (mine.includes(null)) return score.tScore === null;
          const raw = (mine as number[]).reduce((a, b) => a + b, 0);
          const row = promis29TScores[d].find(([r]) => r === raw)!;
          return score.raw === raw && score.tScore === row[1] && score.se === row[2];
        });
      }),
    );
  });
});

describe("PROMIS-29 codes", () => {
  it("codes ability to participate as LOINC 77854-8 (the v2.0 bank's T-score), not 71957-5 (v1.0 satisfaction)", () => {
    expect(promis29.codes?.outputs?.social_roles).toEqual({
      system: "http://loinc.org",
      code: "77854-8",
      display: "PROMIS ability to participate in social roles and activities - version 2.0 Tscore",
    });
    const codes = Object.values(promis29.codes?.outputs ?? {}).map((c) => c.code);
    expect(codes).not.toContain("71957-5");
    expect(new Set(codes).size).toBe(codes.length);
  });
});
