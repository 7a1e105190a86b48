/**
 * `evident triage '<answers-json>'`: runs the red-flag intake triage of the domain (the same rules
 * the portal's intake uses) on one set of answers and prints one JSON object. Needs no database.
 * Answers are keyed by the public intake ids; "-" reads the JSON from stdin.
 *
 * Output: {"tier", "flags": [{"id", "suggests", "action", "source", "answer"}], "rulesVersion"},
 * flags most urgent first, each naming the answers that raised it. Every question must be
 * answered: yes/no questions take true, false or "unsure" (never read as no). Invalid input
 * (malformed JSON, unknown field, wrong type, age outside 0–120, negative duration) and
 * incomplete input (any answer missing or null, age and duration included) exit 2 with
 * {"error", "issues": [{"path", "message"}]} on stdout, each path naming the answer id at fault,
 * or "answers" for the whole.
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
  {"tier", "flags": [{"id", "suggests", "action", "source", "answer"}], "rulesVersion"}

tier is the most urgent tier reached: emergency, urgent, soon or none. Flags are ordered by tier,
then rule order; "source" lists citation keys; "answer" lists the answers that raised the flag,
e.g. [{"id": "bladderDysfunction", "value": "unsure"}].

Every answer is required. "age" (whole years, 0–120) and "painDurationWeeks" (whole weeks,
0–${durationBounds.max}). Each yes/no question is true, false or "unsure" — "unsure" is never read as
no: where a yes would be an emergency it is urgent (a clinician calls the same day), elsewhere
it is soon (a clinician asks). The ${booleanAnswerIds.length} yes/no questions:
${booleanAnswerIds.join(", ")}.

Example: evident triage '{"age": 58, "painDurationWeeks": 30, "saddleNumbness": true, …every other question…}'
  {"tier": "emergency", "flags": [{"id": "ces-saddle", ..., "answer": [{"id": "saddleNumbness", "value": true}]}], "rulesVersion": "${triageRulesVersion}"}

Exit codes: 0 evaluated; 2 invalid or incomplete input, or usage, with
{"error": "…", "issues": [{"path": "bladderDysfunction", "message": "is required: …"}]} on stdout,
one issue per field (each missing or null answer named by its id).`;

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
      flags: result.flags.map(({ id, suggests, action, source, answer }) => ({
        id,
        suggests,
        action,
        source,
        answer,
      })),
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
