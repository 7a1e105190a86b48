/**
 * `evident score <instrument-id> '<answers-json>'`: scores one questionnaire with the domain's
 * instrument library (the same code the API stores scores with) and prints one JSON object.
 * Needs no database. Answers are keyed by the public item ids; "-" reads the JSON from stdin.
 *
 * Output: {"instrument", "version", "score", "reason"?, …what the instrument adds}. `score` is
 * null when the missing-data rule refuses the answers, with `reason` saying why. Invalid input
 * (malformed JSON, unknown instrument or item, wrong type, out of range) exits 2 with
 * {"error", "issues": [{"path", "message"}]} on stdout, each path naming the item at fault
 * ("odi_3"), "instrument", or "answers" for the answers as a whole.
 */
import { text } from "node:stream/consumers";
import { badRequest, EvidentError, type Issue, isEvidentError } from "@evident/domain/errors";
import { findInstrument, instruments, scoreAnswers } from "@evident/domain/instruments";

/** Wraps text at 100 columns, continuing under the first line's text. */
function wrap(first: string, text: string): string {
  const indent = " ".repeat(first.length);
  const lines: string[] = [];
  let line = first;
  for (const word of text.split(" ")) {
    if (line.length + word.length + 1 > 100 && line.trim() !== "") {
      lines.push(line.trimEnd());
      line = indent;
    }
    line += line.endsWith(" ") || line === "" ? word : ` ${word}`;
  }
  return [...lines, line].join("\n");
}

const list = instruments.map((d) => wrap(`  ${d.id.padEnd(10)} `, d.scoreMeaning)).join("\n");

export const scoreUsage = `Usage: evident score <instrument-id> '<answers-json>'
       evident score <instrument-id> -        (answers JSON on stdin)

Scores one questionnaire and prints one JSON object:
  {"instrument", "version", "score", "reason"?, ...extras}

What "score" is, per instrument:
${list}

Extras: odi "band", "sectionsAnswered"; startback "subscale", "group" (low, medium, high);
pgic "category", "improvement", "clinicallyImportant"; promis29 "domains" (per domain "raw",
"tScore", "se", or nulls and a "reason"), "painIntensity", "domainsScored"; eq5d5l "index"
({"us", "england"} or null, with "indexReason"), "profile" (e.g. "21143").

PROMIS-29 has no single score: its "score" is always null (with a reason) and its result is
"domains" and "painIntensity". T and SE are printed as the tables give them (one decimal).

Answer ids: odi_1…odi_10 (0–5); rmdq_1…rmdq_24 (true/false); peg_1…peg_3 (0–10);
sb_1…sb_8 (0 disagree, 1 agree), sb_9 (0 not at all … 4 extremely); nrs_back, nrs_leg (0–10);
pgic (1–7); PROMIS item ids such as PFA11, Sleep109 (the scored code, 1–5) and Global07 (0–10);
eq5d_mo, eq5d_sc, eq5d_ua, eq5d_pd, eq5d_ad (1–5), eq5d_vas (0–100). A missing or null answer
means not answered; the instrument's missing-data rule decides whether it can still be scored.

Example: evident score peg '{"peg_1": 6, "peg_2": 7, "peg_3": 8}'
  {"instrument": "peg", "version": "1.0", "score": 7}

Exit codes: 0 scored (score may be null); 2 invalid input or usage, with
{"error": "…", "issues": [{"path": "odi_3", "message": "…"}]} on stdout.`;

function print(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

function fail(error: EvidentError): number {
  print({ error: error.message, issues: error.issues });
  return 2;
}

/** Parses the answers argument; a JSON error names "answers". */
function parseAnswers(raw: string): { value: unknown } | { issue: Issue } {
  try {
    return { value: JSON.parse(raw) };
  } catch (e) {
    return { issue: { path: "answers", message: `is not valid JSON (${(e as Error).message})` } };
  }
}

export async function runScore(args: string[]): Promise<number> {
  const [id, answersArg, ...extra] = args;
  if (id === "--help" || id === "-h" || id === "help") {
    console.log(scoreUsage);
    return 0;
  }
  if (id === undefined || answersArg === undefined || extra.length > 0) {
    console.error(scoreUsage);
    const issues: Issue[] = [];
    if (id === undefined) issues.push({ path: "instrument", message: "is required" });
    if (answersArg === undefined) issues.push({ path: "answers", message: "is required" });
    if (extra.length > 0) issues.push({ path: "", message: `unexpected argument: ${extra[0]}` });
    return fail(badRequest(issues));
  }

  // Report an unknown instrument and malformed JSON together, so one run names both.
  const issues: Issue[] = [];
  const def = findInstrument(id);
  if (!def)
    issues.push({
      path: "instrument",
      message: `unknown instrument "${id}"; known: ${instruments.map((i) => i.id).join(", ")}`,
    });
  const parsed = parseAnswers(answersArg === "-" ? await text(process.stdin) : answersArg);
  if ("issue" in parsed) issues.push(parsed.issue);
  if (issues.length > 0 || !def || "issue" in parsed) return fail(badRequest(issues));

  try {
    const { instrument, result } = scoreAnswers(def.id, parsed.value, "");
    print({
      instrument: instrument.id,
      version: instrument.version,
      score: result.score,
      ...(result.reason === undefined ? {} : { reason: result.reason }),
      ...result.extras,
    });
    return 0;
  } catch (e) {
    if (!isEvidentError(e)) throw e;
    // Item paths are bare ids; a problem with the answers as a whole has path "".
    const named = e.issues.map((i) => (i.path === "" ? { ...i, path: "answers" } : i));
    return fail(new EvidentError(e.code, e.message, named));
  }
}
