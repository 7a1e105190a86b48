/**
 * `evident triage` end to end: the real command in a child process, its output contract, stdin,
 * and every kind of refusal (exit 2 with issues naming the field). No database.
 */
import { triageRulesVersion } from "@evident/domain/triage";
import { describe, expect, it } from "vitest";
import { runCliJson } from "./run-cli";

const triage = (args: readonly unknown[], stdin = "") => runCliJson("triage", args, stdin);

describe("evident triage: the output contract", () => {
  it("prints tier, flags (id, suggests, action, source) most urgent first, and the rules version", async () => {
    const r = await triage([{ age: 58, painDurationWeeks: 30, cancerHistory: true, saddleNumbness: true }]);
    expect(r.code).toBe(0);
    expect(Object.keys(r.json)).toEqual(["tier", "flags", "rulesVersion"]);
    expect(r.json.tier).toBe("emergency");
    expect(r.json.rulesVersion).toBe(triageRulesVersion);
    expect(r.json.flags.map((f: any) => f.id)).toEqual(["ces-saddle", "cancer-history"]);
    for (const flag of r.json.flags) {
      expect(Object.keys(flag)).toEqual(["id", "suggests", "action", "source"]);
      expect(flag.source.length).toBeGreaterThan(0);
    }
  });

  it("finds no flags when every yes/no answer is absent (absent means no)", async () => {
    expect((await triage([{ age: 40, painDurationWeeks: 26 }])).json).toEqual({
      tier: "none",
      flags: [],
      rulesVersion: triageRulesVersion,
    });
  });

  it("reports urgent and soon tiers", async () => {
    expect((await triage([{ age: 40, painDurationWeeks: 26, feverOrChills: true }])).json.tier).toBe(
      "urgent",
    );
    expect((await triage([{ age: 55, painDurationWeeks: 4 }])).json).toMatchObject({
      tier: "soon",
      flags: [{ id: "new-pain-over-50" }],
    });
  });

  it("reads the answers from stdin with -", async () => {
    const r = await triage(
      ["-"],
      JSON.stringify({ age: 40, painDurationWeeks: 26, bladderDysfunction: true }),
    );
    expect(r.code).toBe(0);
    expect(r.json.flags[0].id).toBe("ces-bladder");
  });

  it("prints its usage with --help", async () => {
    const r = await triage(["--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Usage: evident triage");
  });
});

describe("evident triage: refusals exit 2 and name the bad fields", () => {
  it("names an unknown field, a wrong type, an age out of range and a negative duration together", async () => {
    const r = await triage([{ age: 121, painDurationWeeks: -1, saddleNumbness: "yes", fever: true }]);
    expect(r.code).toBe(2);
    expect(r.json.error).toBe("4 fields are invalid");
    expect(r.json.issues).toEqual([
      { path: "age", message: "must be at most 120 years" },
      { path: "painDurationWeeks", message: "must not be negative" },
      { path: "saddleNumbness", message: "must be true or false (or null)" },
      { path: "fever", message: "is not an intake question" },
    ]);
  });

  it("names missing age and duration", async () => {
    const r = await triage([{ saddleNumbness: true }]);
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
    const r = await triage([{ age: 40, painDurationWeeks: 1 }, "extra"]);
    expect(r.code).toBe(2);
    expect(r.json.issues).toEqual([{ path: "", message: "unexpected argument: extra" }]);
  });
});
