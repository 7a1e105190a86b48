/**
 * An eligible candidacy assessment signed over the API (the safety questions entered at the desk
 * first, with no red flag): for browser tests about recording a cell therapy or PRP on it. The
 * form itself is tested in candidacy.test.ts.
 */
import type { APIRequestContext } from "playwright-core";
import { calmIntake } from "../packages/server/test/answers";
import { eligibleFacts } from "../packages/server/test/candidacy-facts";
import { clinicToday } from "./app";

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

/**
 * The clinic's current procedure consent for `kind`, signed on paper (recorded over the API): the
 * consent gate's other condition for recording a cell therapy or PRP. The portal's signing is
 * tested in consent.test.ts.
 */
export async function signPaperConsent(
  request: APIRequestContext,
  base: string,
  patientId: string,
  kind: string,
): Promise<void> {
  const list = (await (await request.get(`${base}/api/v1/consent-documents`)).json()) as {
    documents: { id: string; purpose: string; treatmentKind: string | null; language: string }[];
  };
  const doc = list.documents.find((d) => d.treatmentKind === kind && d.language === "en");
  if (!doc) throw new Error(`no procedure consent for ${kind}`);
  const res = await request.post(`${base}/api/v1/patients/${patientId}/consents`, {
    data: {
      documentId: doc.id,
      witnessName: "Nurse on duty",
      signedOn: await clinicToday(request, base),
    },
  });
  if (!res.ok()) throw new Error(`paper consent: HTTP ${res.status()} ${await res.text()}`);
}
