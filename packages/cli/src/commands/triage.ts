/**
 * `evident triage '<answers-json>'`: runs the red-flag intake triage of the domain (the same rules
 * the portal's intake uses) on one set of answers and prints one JSON object. Needs no database.
 * Answers are keyed by the public intake ids; "-" reads the JSON from stdin.
 *
 * Output: {"tier", "flags": [{"id", "suggests", "action", "source"}], "rulesVersion"}, flags most
 * urgent first. Invalid input (malformed JSON, unknown field, wrong type, age outside 0–120,
 * negative duration, age or duration missing) exits 2 with {"error", "issues": [{"path",
 * "message"}]} on stdout, each path naming the field at fault, or "answers" for the whole.
 */
import { text } from "node:stream/consumers";
import { badRequest, EvidentError, type Issue, isEvidentError } from "@evident/domain/errors";
import {
  booleanAnswerIds,
  durationBounds,
  evaluateTriage,
  parseIntakeAnswers,
  triageRulesVersion,
} from "@evident/domain/triage";

export const triageUsage = `Usage: evident triage '<answers-json>'
       evident triage -        (answers JSON on stdin)

Runs the red-flag intake triage (rules version ${triageRulesVersion}) and prints one JSON object:
  {"tier", "flags": [{"id", "suggests", "action", "source"}], "rulesVersion"}

tier is the most urgent tier reached: emergency, urgent, soon or none. Flags are ordered by tier,
then rule order; "source" lists citation keys.

Answers: "age" (whole years, 0–120) and "painDurationWeeks" (whole weeks, 0–${durationBounds.max}) are
required. Yes/no answers are true, false or null; an absent or null one means no:
${booleanAnswerIds.join(", ")}.

Example: evident triage '{"age": 58, "painDurationWeeks": 30, "saddleNumbness": true}'
  {"tier": "emergency", "flags": [{"id": "ces-saddle", ...}], "rulesVersion": "${triageRulesVersion}"}

Exit codes: 0 evaluated; 2 invalid input or usage, with
{"error": "…", "issues": [{"path": "age", "message": "…"}]} on stdout.`;

function print(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

function fail(error: EvidentError): number {
  print({ error: error.message, issues: error.issues });
  return 2;
}

export async function runTriage(args: string[]): Promise<number> {
  const [answersArg, ...extra] = args;
  if (answersArg === "--help" || answersArg === "-h" || answersArg === "help") {
    console.log(triageUsage);
    return 0;
  }
  if (answersArg === undefined || extra.length > 0) {
    console.error(triageUsage);
    const issues: Issue[] = [];
    if (answersArg === undefined) issues.push({ path: "answers", message: "is required" });
    if (extra.length > 0) issues.push({ path: "", message: `unexpected argument: ${extra[0]}` });
    return fail(badRequest(issues));
  }

  let raw: unknown;
  try {
    raw = JSON.parse(answersArg === "-" ? await text(process.stdin) : answersArg);
  } catch (e) {
    return fail(badRequest(`is not valid JSON (${(e as Error).message})`, "answers"));
  }

  try {
    const result = evaluateTriage(parseIntakeAnswers(raw));
    print({
      tier: result.tier,
      flags: result.flags.map(({ id, suggests, action, source }) => ({ id, suggests, action, source })),
      rulesVersion: result.rulesVersion,
    });
    return 0;
  } catch (e) {
    if (!isEvidentError(e)) throw e;
    // Field paths are bare answer ids; a problem with the answers as a whole has path "".
    const named = e.issues.map((i) => (i.path === "" ? { ...i, path: "answers" } : i));
    return fail(new EvidentError(e.code, e.message, named));
  }
}
