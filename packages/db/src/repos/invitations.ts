/**
 * Portal invitations: a one-time link with an expiring token, queued in the outbox in the same
 * transaction that creates it (so a committed invitation always has its message, and a rolled
 * back one never does). Issuing a new invitation withdraws the earlier unused ones. The token is
 * made only when the e-mail is sent (account-links.ts), so staff never see a usable link.
 *
 * A patient whose account is active is never invited again: an invitation sets a new password, so
 * whoever holds it could take the account over. Such a patient uses "Forgot password?", which
 * e-mails the address on record and leaves the old password working until the link is used.
 */
import { conflict, type PatientLanguage, portalInvitationMail } from "@evident/domain";
import { and, eq, isNull } from "drizzle-orm";
import { uuidv7 } from "../ids";
import { invitations, outboxMessages, patientAccounts } from "../schema";
import { TOKEN_PLACEHOLDER, withdrawLinkMessages } from "./account-links";
import { audit, type Scope, type Tx } from "./scope";

export const INVITATION_DAYS = 7;

export type InvitationTarget = {
  patientId: string;
  givenName: string;
  email: string;
  clinicName: string;
  /** The patient's language: the invitation is written in it. */
  language: PatientLanguage;
};

export function invitationMessage(
  t: InvitationTarget,
  link: string,
  expiresAt: Date,
): { subject: string; body: string } {
  return portalInvitationMail(t.language, {
    givenName: t.givenName,
    clinicName: t.clinicName,
    link,
    expiresAt,
  });
}

export async function issueInvitation(
  tx: Tx,
  scope: Scope,
  t: InvitationTarget,
  baseUrl: string,
): Promise<{ id: string }> {
  const now = scope.now();
  // One account per patient; keep its e-mail current until it is activated.
  const existing = await tx
    .select()
    .from(patientAccounts)
    .where(eq(patientAccounts.patientId, t.patientId))
    .for("update");
  if (existing[0]?.activatedAt) {
    throw conflict(
      "This patient already uses the portal. An invitation would replace their password; they can reset it themselves with “Forgot password?” on the portal's sign-in page.",
    );
  }
  if (existing[0]) {
    if (existing[0].email !== t.email) {
      await tx.update(patientAccounts).set({ email: t.email }).where(eq(patientAccounts.id, existing[0].id));
    }
  } else {
    await tx.insert(patientAccounts).values({
      id: uuidv7(),
      clinicId: scope.clinicId,
      patientId: t.patientId,
      email: t.email,
      createdAt: now,
    });
  }
  const replaced = await tx
    .update(invitations)
    .set({ usedAt: now })
    .where(and(eq(invitations.patientId, t.patientId), isNull(invitations.usedAt)))
    .returning({ id: invitations.id });
  await withdrawLinkMessages(
    tx,
    replaced.map((r) => r.id),
    now,
  );

  const id = uuidv7();
  const expiresAt = new Date(now.getTime() + INVITATION_DAYS * 86_400_000);
  await tx.insert(invitations).values({
    id,
    clinicId: scope.clinicId,
    patientId: t.patientId,
    tokenHash: null,
    expiresAt,
    createdBy: scope.actor.id,
    createdAt: now,
  });
  const link = `${baseUrl.replace(/\/$/, "")}/portal/welcome#${TOKEN_PLACEHOLDER}`;
  const msg = invitationMessage(t, link, expiresAt);
  await tx.insert(outboxMessages).values({
    id: uuidv7(),
    clinicId: scope.clinicId,
    patientId: t.patientId,
    kind: "portal-invitation",
    toAddress: t.email,
    subject: msg.subject,
    body: msg.body,
    linkId: id,
    dedupeKey: `invitation:${id}`,
    createdAt: now,
  });
  await audit(tx, scope, {
    action: "invite",
    entityType: "invitation",
    entityId: id,
    patientId: t.patientId,
  });
  return { id };
}
