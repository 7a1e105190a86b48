/**
 * An eligible candidacy assessment signed over the API (the safety questions entered at the desk
 * first, with no red flag): for browser tests about recording a cell therapy or PRP on it. The
 * form itself is tested in candidacy.test.ts.
 */
import type { APIRequestContext } from "playwright-core";
import { calmIntake } from "../packages/server/test/answers";
import { eligibleFacts } from "../packages/server/test/candidacy-facts";

export async function signOffEligible(
  request: APIRequestContext,
  base: string,
  patient: { id: string; age: number },
): Promise<void> {
  const intake = await request.post(`${base}/api/v1/patients/${patient.id}/intakes`, {
    data: { answers: calmIntake({ age: patient.age, painDurationWeeks: 60 }) },
  });
  if (!intake.ok()) throw new Error(`intake: HTTP ${intake.status()} ${await intake.text()}`);
  const signed = await request.post(`${base}/api/v1/patients/${patient.id}/candidacy`, {
    data: { input: eligibleFacts },
  });
  const body = (await signed.json()) as { outcome?: string };
  if (!signed.ok() || body.outcome !== "eligible")
    throw new Error(`candidacy: HTTP ${signed.status()} ${JSON.stringify(body)}`);
}
