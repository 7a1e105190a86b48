/**
 * The consent gate: an investigational treatment (the catalogue's `investigational` flag) is
 * recorded only when the patient has signed the clinic's procedure consent for that kind, in the
 * version current when the treatment is recorded, on or before the treatment date — or on a
 * clinician's override with a reason (audited, kept with the treatment). A consent signed for an
 * older version does not count: the words the patient agreed to have since changed (the price, or
 * what the evidence shows).
 */
import { isInvestigational, treatmentKind } from "../catalogue/treatments";

export type SignedConsentFacts = {
  id: string;
  treatmentKind: string | null;
  purpose: string;
  version: number;
  method: "portal" | "paper";
  /** The signature's date in the clinic's time zone. */
  signedOn: string;
  withdrawn: boolean;
};

export type ConsentRefusal = "no-document" | "not-signed" | "old-version" | "signed-after-treatment";

export type ConsentVerdict =
  | { status: "not-needed" }
  | { status: "passed"; consent: SignedConsentFacts }
  | { status: "refused"; reason: ConsentRefusal; message: string };

export function consentGate(
  kind: string,
  treatmentDate: string,
  currentVersion: number | null,
  signed: readonly SignedConsentFacts[],
): ConsentVerdict {
  if (!isInvestigational(kind)) return { status: "not-needed" };
  const label = treatmentKind(kind)?.label ?? kind;
  const refused = (reason: ConsentRefusal, why: string): ConsentVerdict => ({
    status: "refused",
    reason,
    message: `${label} is investigational: ${why}`,
  });
  if (currentVersion === null)
    return refused(
      "no-document",
      "the clinic has no procedure consent for it yet. An administrator publishes one under Consent documents, or override with a reason.",
    );
  const ofKind = signed.filter((s) => s.purpose === "procedure" && s.treatmentKind === kind && !s.withdrawn);
  const current = ofKind.filter((s) => s.version === currentVersion);
  const onTime = current
    .filter((s) => s.signedOn <= treatmentDate)
    .sort((a, b) => a.signedOn.localeCompare(b.signedOn));
  const latest = onTime.at(-1);
  if (latest) return { status: "passed", consent: latest };
  if (current.length > 0)
    return refused(
      "signed-after-treatment",
      `the patient signed its consent after ${treatmentDate}. Override with a reason if consent was given on paper before.`,
    );
  if (ofKind.length > 0)
    return refused(
      "old-version",
      `the patient signed an earlier version of its consent (version ${Math.max(...ofKind.map((s) => s.version))}); version ${currentVersion} is current. Ask them to read and sign it again, or override with a reason.`,
    );
  return refused(
    "not-signed",
    "the patient has not signed its procedure consent. Ask them to sign it in the portal, record a paper consent, or override with a reason.",
  );
}

/**
 * Whether a correction runs the consent gate again, else the treatment keeps the consent it was
 * recorded on: when the kind changes (a consent is for one kind), or the correction brings an
 * override. A moved date keeps it: the consent was for this treatment, whatever day it is on.
 */
export const correctionRunsConsentGate = (
  beforeKind: string,
  afterKind: string,
  withOverride: boolean,
): boolean => !isInvestigational(afterKind) || withOverride || beforeKind !== afterKind;
