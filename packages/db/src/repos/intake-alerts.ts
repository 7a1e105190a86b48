/**
 * An emergency at intake is told to the clinic at once, beyond the task queue: a message to every
 * clinician and administrator who can sign in (domain/triage/tiers `notifyNow`), written in the
 * intake's own transaction, one per person (deduplicated), saying what the patient was told.
 */
import { and, eq, isNull, or } from "drizzle-orm";
import { uuidv7 } from "../ids";
import { outboxMessages, staffUsers } from "../schema";
import type { Scope, Tx } from "./scope";

/** Every clinician and administrator of the clinic who can sign in: who hears of an emergency. */
async function onCall(tx: Tx, clinicId: string) {
  return tx
    .select({ id: staffUsers.id, email: staffUsers.email })
    .from(staffUsers)
    .where(
      and(
        eq(staffUsers.clinicId, clinicId),
        isNull(staffUsers.disabledAt),
        or(eq(staffUsers.role, "clinician"), eq(staffUsers.role, "admin")),
      ),
    );
}

/** Queues the emergency message to everyone on call for this intake. */
export async function messageOnCall(
  tx: Tx,
  scope: Scope,
  m: {
    patientId: string;
    intakeId: string;
    /** What the flags suggest, for the message. */
    summary: string;
    source: "portal" | "clinic";
    emergencyNumber: string;
    /** The patient's page. */
    link: string;
  },
): Promise<void> {
  const told =
    m.source === "clinic"
      ? `The answers were entered by clinic staff for the patient, who were shown what to tell them: go to an emergency department now or call ${m.emergencyNumber}. `
      : `The patient has been told to go to an emergency department now or call ${m.emergencyNumber}. `;
  for (const staff of await onCall(tx, scope.clinicId))
    await tx.insert(outboxMessages).values({
      id: uuidv7(),
      clinicId: scope.clinicId,
      patientId: m.patientId,
      kind: "triage-emergency",
      toAddress: staff.email,
      subject: "Emergency red flag at intake: act now",
      body:
        `A patient's intake answers show an emergency red flag (${m.summary}).\n\n${told}` +
        "Please contact the patient to confirm they are being seen, then review the triage in Evident. " +
        `Elective procedures are blocked until a clinician has reviewed it.\n\n${m.link}\n`,
      dedupeKey: `triage:${m.intakeId}:${staff.id}`,
      createdAt: scope.now(),
    });
}
