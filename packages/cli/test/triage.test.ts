/**
 * `evident triage` end to end: the real command in a child process, its output contract, stdin,
 * and every kind of refusal (exit 2 with issues naming the field, each missing answer by its id).
 * No database.
 */
import { booleanAnswerIds, triageRulesVersion } from "@evident/domain/triage";
import { describe, expect, it } from "vitest";
import { runCliJson } from "./run-cli";

const triage = (args: readonly unknown[], stdin = "") => runCliJson("triage", args, stdin);

/** A 40-year-old with six months of pain who answered no to every yes/no question. */
const calm = {
  age: 40,
  painDurationWeeks: 26,
  ...Object.fromEntries(booleanAnswerIds.map((id) => [id, false])),
};

describe("evident triage: the output contract", () => {
  it("prints tier, flags (id, suggests, action, source, answer) most urgent first, and the rules version", async () => {
    const r = await triage([{ ...calm, age: 58, cancerHistory: true, saddleNumbness: true }]);
    expect(r.code).toBe(0);
    expect(Object.keys(r.json)).toEqual(["tier", "flags", "rulesVersion"]);
    expect(r.json.tier).toBe("emergency");
    expect(r.json.rulesVersion).toBe(triageRulesVersion);
    expect(r.json.flags.map((f: any) => f.id)).toEqual(["ces-saddle", "cancer-history"]);
    for (const flag of r.json.flags) {
      expect(Object.keys(flag)).toEqual(["id", "suggests", "action", "source", "answer"]);
      expect(flag.source.length).toBeGreaterThan(0);
    }
    expect(r.json.flags[0].answer).toEqual([{ id: "saddleNumbness", value: true }]);
  });

  it("finds no flags when every yes/no answer is no", async () => {
    expect((await triage([calm])).json).toEqual({
      tier: "none",
      flags: [],
      rulesVersion: triageRulesVersion,
    });
  });

  it("reports emergency, urgent and soon tiers", async () => {
    expect((await triage([{ ...calm, feverOrChills: true, ivDrugUse: true }])).json.tier).toBe("emergency");
    expect((await triage([{ ...calm, feverOrChills: true }])).json.tier).toBe("urgent");
    expect((await triage([{ ...calm, age: 55, painDurationWeeks: 4 }])).json).toMatchObject({
      tier: "soon",
      flags: [
        {
          id: "new-pain-over-50",
          answer: [
            { id: "age", value: 55 },
            { id: "painDurationWeeks", value: 4 },
          ],
        },
      ],
    });
  });

  it("takes 'unsure': urgent for an emergency sign, soon elsewhere, naming the answer", async () => {
    const bladder = await triage([{ ...calm, bladderDysfunction: "unsure" }]);
    expect(bladder.json).toMatchObject({
      tier: "urgent",
      flags: [{ id: "unsure-emergency-sign", answer: [{ id: "bladderDysfunction", value: "unsure" }] }],
    });
    const steroids = await triage([{ ...calm, longTermSteroids: "unsure" }]);
    expect(steroids.json).toMatchObject({
      tier: "soon",
      flags: [{ id: "unsure-answer", answer: [{ id: "longTermSteroids", value: "unsure" }] }],
    });
  });

  it("reads the answers from stdin with -", async () => {
    const r = await triage(["-"], JSON.stringify({ ...calm, bladderDysfunction: true }));
    expect(r.code).toBe(0);
    expect(r.json.flags[0].id).toBe("ces-bladder");
  });

  it("prints its usage with --help, naming the answers and 'unsure'", async () => {
    const r = await triage(["--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Usage: evident triage");
    expect(r.stdout).toContain('true, false or "unsure"');
    expect(r.stdout).toContain('"answer"');
    for (const id of booleanAnswerIds) expect(r.stdout).toContain(id);
  });
});

describe("evident triage: refusals exit 2 and name the bad fields", () => {
  it("names each missing or null answer by its id", async () => {
    const { bladderDysfunction: _, ...noBladder } = calm as Record<string, unknown>;
    const r = await triage([{ ...noBladder, saddleNumbness: null }]);
    expect(r.code).toBe(2);
    expect(r.json.issues).toEqual([
      { path: "bladderDysfunction", message: 'is required: answer true, false or "unsure"' },
      { path: "saddleNumbness", message: 'is required: answer true, false or "unsure"' },
    ]);
  });

  it("names all 25 yes/no questions when only age and duration are given", async () => {
    const r = await triage([{ age: 40, painDurationWeeks: 20 }]);
    expect(r.code).toBe(2);
    expect(r.json.issues.map((i: any) => i.path)).toEqual([...booleanAnswerIds]);
    expect(booleanAnswerIds).toHaveLength(25);
  });

  it("names an unknown field, a wrong type, an age out of range and a negative duration together", async () => {
    const r = await triage([
      { ...calm, age: 121, painDurationWeeks: -1, saddleNumbness: "yes", fever: true },
    ]);
    expect(r.code).toBe(2);
    expect(r.json.error).toBe("4 fields are invalid");
    expect(r.json.issues).toEqual([
      { path: "age", message: "must be at most 120 years" },
      { path: "painDurationWeeks", message: "must not be negative" },
      { path: "saddleNumbness", message: 'must be true, false or "unsure"' },
      { path: "fever", message: "is not an intake question" },
    ]);
  });

  it("names missing age and duration", async () => {
    const { age: _a, painDurationWeeks: _d, ...noNumbers } = calm;
    const r = await triage([noNumbers]);
    expect(r.code).toBe(2);
    expect(r.json.issues).toEqual([
      { path: "age", message: "is required" },
      { path: "painDurationWeeks", message: "is required" },
    ]);
  });

  it("names the answers for malformed JSON, a non-object, or no argument", async () => {
    const bad = await triage(["{nope"]);
    expect(bad.code).toBe(2);
    expect(bad.json.issues).toEqual([
      { path: "answers", message: expect.stringMatching(/^is not valid JSON/) },
    ]);

    const array = await triage([[1, 2]]);
    expect(array.code).toBe(2);
    expect(array.json.issues).toEqual([{ path: "answers", message: expect.any(String) }]);

    const none = await triage([]);
    expect(none.code).toBe(2);
    expect(none.json.issues).toEqual([{ path: "answers", message: "is required" }]);
  });

  it("refuses an extra argument", async () => {
    const r = await triage([calm, "extra"]);
    expect(r.code).toBe(2);
    expect(r.json.issues).toEqual([{ path: "", message: "unexpected argument: extra" }]);
  });
});
