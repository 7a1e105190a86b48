/**
 * The consent gate applied to a treatment being recorded or corrected (rule in
 * domain/consent/gate.ts): what the treatment rests on — the signed procedure consent of the
 * current version, or the clinician's override with the reason and the refusal it set aside — is
 * stored with the treatment (`treatments.consent`). Without an override a refusal is a 409 naming
 * `consent`, with the gate's message. Whether the user may override is the route's check.
 */
import { badRequest, conflict, treatmentKind } from "@evident/domain";
import type { TreatmentConsent } from "@evident/domain/api";
import { consentGate, correctionRunsConsentGate } from "@evident/domain/consent";
import { eq } from "drizzle-orm";
import { staffUsers, type treatments } from "../schema";
import { currentVersion } from "./consent-documents";
import { signedConsentFacts } from "./consents";
import type { Scope, Tx } from "./scope";

export type ConsentOverride = { reason: string };

export async function gateConsent(
  tx: Tx,
  scope: Scope,
  patientId: string,
  treatment: { kind: string; date: string },
  override: ConsentOverride | undefined,
): Promise<TreatmentConsent | null> {
  const verdict = consentGate(
    treatment.kind,
    treatment.date,
    await currentVersion(tx, scope.clinicId, "procedure", treatment.kind),
    await signedConsentFacts(tx, scope.clinicId, patientId),
  );
  if (verdict.status === "not-needed") {
    if (override)
      throw badRequest(
        `is only for an investigational treatment; ${treatmentKind(treatment.kind)?.label ?? treatment.kind} needs no procedure consent here`,
        "consentOverride",
      );
    return null;
  }
  if (verdict.status === "passed") {
    if (override)
      throw badRequest(
        "is not needed: the patient signed the current procedure consent; record the treatment without an override",
        "consentOverride",
      );
    const c = verdict.consent;
    return { basis: "signed", consentId: c.id, version: c.version, method: c.method, signedOn: c.signedOn };
  }
  if (!override) throw conflict(verdict.message, "consent");
  const [u] = await tx
    .select({ name: staffUsers.name })
    .from(staffUsers)
    .where(eq(staffUsers.id, scope.actor.id));
  return {
    basis: "override",
    reason: override.reason,
    by: { id: scope.actor.id, name: u?.name ?? "" },
    at: scope.now().toISOString(),
    refusal: verdict.message,
  };
}

/** What a corrected treatment's consent rests on (domain `correctionRunsConsentGate` says when it changes). */
export async function consentAfterCorrection(
  tx: Tx,
  scope: Scope,
  old: typeof treatments.$inferSelect,
  input: { kind: string; date: string; consentOverride?: ConsentOverride | undefined },
): Promise<TreatmentConsent | null> {
  if (!correctionRunsConsentGate(old.kind, input.kind, input.consentOverride !== undefined))
    return old.consent as TreatmentConsent | null;
  return gateConsent(tx, scope, old.patientId, input, input.consentOverride);
}

/** The part of a treatment's consent a correction's history and its audit event name. */
export const consentFields = (c: TreatmentConsent | null) =>
  c
    ? c.basis === "override"
      ? { basis: c.basis, reason: c.reason, refusal: c.refusal }
      : { basis: c.basis, consentId: c.consentId, version: c.version }
    : null;
