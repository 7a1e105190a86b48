/**
 * The candidacy gate applied to a treatment being recorded or corrected (rule in
 * domain/candidacy/gate.ts): what the treatment rests on — the current, eligible sign-off, or the
 * clinician's override with the reason and the refusal it set aside — stored with the treatment
 * (`treatments.candidacy`). Without an override a refusal is a 409 naming `candidacy`, with the
 * gate's message. Whether the user may override is the route's check (access/policy.ts).
 */
import { badRequest, conflict, treatmentKind } from "@evident/domain";
import type { TreatmentCandidacy } from "@evident/domain/api";
import { candidacyGate, correctionRunsGate } from "@evident/domain/candidacy";
import { eq } from "drizzle-orm";
import { staffUsers, type treatments } from "../schema";
import { candidacyAssessments } from "../schema/candidacy";
import { signOffFacts } from "./candidacy";
import type { Scope, Tx } from "./scope";

export type CandidacyOverride = { reason: string };

async function nameOf(tx: Tx, id: string): Promise<string> {
  const [u] = await tx.select({ name: staffUsers.name }).from(staffUsers).where(eq(staffUsers.id, id));
  return u?.name ?? "";
}

export async function gateTreatment(
  tx: Tx,
  scope: Scope,
  patientId: string,
  treatment: { kind: string; date: string },
  override: CandidacyOverride | undefined,
): Promise<TreatmentCandidacy | null> {
  const verdict = candidacyGate(
    treatment.kind,
    treatment.date,
    await signOffFacts(tx, scope.clinicId, patientId),
  );
  if (verdict.status === "not-needed") {
    if (override)
      throw badRequest(
        `is only for an investigational treatment; ${treatmentKind(treatment.kind)?.label ?? treatment.kind} needs no candidacy assessment`,
        "candidacyOverride",
      );
    return null;
  }
  if (verdict.status === "passed") {
    if (override)
      throw badRequest(
        `is not needed: the candidacy assessment signed ${verdict.signOff.signedOn} found the patient eligible; record the treatment without an override`,
        "candidacyOverride",
      );
    const [signer] = await tx
      .select({ id: candidacyAssessments.signedBy, name: staffUsers.name })
      .from(candidacyAssessments)
      .leftJoin(staffUsers, eq(staffUsers.id, candidacyAssessments.signedBy))
      .where(eq(candidacyAssessments.id, verdict.signOff.id));
    return {
      basis: "assessment",
      assessmentId: verdict.signOff.id,
      signedOn: verdict.signOff.signedOn,
      signedBy: { id: signer?.id ?? "", name: signer?.name ?? "" },
      criteriaVersion: verdict.signOff.criteriaVersion,
    };
  }
  if (!override) throw conflict(verdict.message, "candidacy");
  return {
    basis: "override",
    reason: override.reason,
    by: { id: scope.actor.id, name: await nameOf(tx, scope.actor.id) },
    at: scope.now().toISOString(),
    refusal: verdict.message,
    assessmentId: verdict.signOff?.id ?? null,
  };
}

/** The part of a treatment's candidacy a correction's history names ("candidacy.basis: assessment → override"). */
export const candidacyFields = (c: TreatmentCandidacy | null) =>
  c ? { basis: c.basis, reason: c.basis === "override" ? c.reason : null } : null;

/** What a corrected treatment rests on (domain `correctionRunsGate` says when it changes). */
export async function candidacyAfterCorrection(
  tx: Tx,
  scope: Scope,
  old: typeof treatments.$inferSelect,
  input: { kind: string; date: string; candidacyOverride?: CandidacyOverride | undefined },
): Promise<TreatmentCandidacy | null> {
  const kept = old.candidacy as TreatmentCandidacy | null;
  const before = { kind: old.kind, date: old.treatmentDate, basis: kept?.basis ?? null };
  if (!correctionRunsGate(before, input, input.candidacyOverride !== undefined)) return kept;
  return gateTreatment(tx, scope, old.patientId, input, input.candidacyOverride);
}

/** The audit event's account of what an investigational treatment rests on. */
export function auditedCandidacy(c: TreatmentCandidacy) {
  return c.basis === "override"
    ? { basis: c.basis, reason: c.reason, refusal: c.refusal, assessmentId: c.assessmentId }
    : { basis: c.basis, assessmentId: c.assessmentId };
}
