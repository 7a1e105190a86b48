/**
 * One-time links by e-mail — portal invitations, staff invitations, password resets — and why
 * nobody but the recipient can use them.
 *
 * A link's token is not made when the link is issued. The outbox keeps the message with a
 * placeholder where the token goes (`{{token}}`) and the id of the link row; the dispatcher makes
 * the token in the transaction that hands the message to SMTP, stores its SHA-256 on the link row
 * and puts the token into the text it sends, and nowhere else. So the token is never in the
 * database (staff reading the Messages page, its API or the tables see the placeholder), never in
 * the logs, and exists only in the e-mail. Without SMTP a link cannot be delivered at all, which
 * is the point: nobody at the clinic can copy it.
 *
 * If the hand-over is retried after a crash (SMTP accepted, the commit did not happen), the retry
 * makes a new token: the first e-mail's link is dead and the second one works. A link that expired
 * or was replaced by a newer one before it could be sent is withdrawn, not sent.
 */
import { and, eq, gt, inArray, isNull } from "drizzle-orm";
import { uuidv7 } from "../ids";
import { invitations, outboxMessages } from "../schema";
import { accountLinks } from "../schema/accounts";
import type { Tx } from "./scope";
import { hashToken, newToken } from "./tokens";

/** Where the token goes in a stored message body; replaced only in the e-mail sent. */
export const TOKEN_PLACEHOLDER = "{{token}}";

/** What staff read instead of a link (Messages page, outbox API). */
export const HIDDEN_LINK = "[link hidden: only the e-mail to the recipient holds it]";

/** A stored body as staff may read it: every link that would carry a token is hidden. */
export function redactLinks(body: string): string {
  return body.replace(/\S*\{\{token\}\}\S*/g, HIDDEN_LINK);
}

export const linkWithdrawnReason =
  "Not sent: the link expired or a newer one replaced it before the e-mail could go out.";

export const linkReplacedReason = "Not sent: a newer link replaced it before the e-mail could go out.";

/**
 * Withdraws the queued e-mails of links that can no longer be used (replaced by a newer one), at
 * once: without it a replaced invitation stayed "Not sent" on the Messages page until the
 * dispatcher reached it, and for ever where no e-mail server is set up.
 */
export async function withdrawLinkMessages(tx: Tx, linkIds: readonly string[], now: Date): Promise<void> {
  if (linkIds.length === 0) return;
  await tx
    .update(outboxMessages)
    .set({ status: "withdrawn", withdrawnAt: now, withdrawnReason: linkReplacedReason })
    .where(and(inArray(outboxMessages.linkId, [...linkIds]), eq(outboxMessages.status, "pending")));
}

/**
 * Makes the token of the link a message carries and returns the body to send, or null when the
 * link can no longer be used (then the message is withdrawn). Runs in the sending transaction.
 */
export async function mintLinkToken(
  tx: Tx,
  msg: { kind: string; linkId: string; body: string },
  now: Date,
): Promise<string | null> {
  const token = newToken();
  const tokenHash = hashToken(token);
  const rows =
    msg.kind === "portal-invitation"
      ? await tx
          .update(invitations)
          .set({ tokenHash })
          .where(
            and(eq(invitations.id, msg.linkId), isNull(invitations.usedAt), gt(invitations.expiresAt, now)),
          )
          .returning({ id: invitations.id })
      : await tx
          .update(accountLinks)
          .set({ tokenHash })
          .where(
            and(
              eq(accountLinks.id, msg.linkId),
              isNull(accountLinks.usedAt),
              gt(accountLinks.expiresAt, now),
            ),
          )
          .returning({ id: accountLinks.id });
  return rows.length > 0 ? msg.body.split(TOKEN_PLACEHOLDER).join(token) : null;
}

export type LinkPurpose = "staff-invitation" | "password-reset";

/**
 * Issues a link for one person and queues its e-mail, in the caller's transaction. An earlier
 * unused link of the same purpose for the same person is withdrawn: only the newest works.
 * `body` holds TOKEN_PLACEHOLDER where the token goes.
 */
export async function issueAccountLink(
  tx: Tx,
  l: {
    purpose: LinkPurpose;
    clinicId: string;
    person: { staffUserId: string } | { patientAccountId: string; patientId: string };
    to: string;
    subject: string;
    body: string;
    createdBy: string | null;
    now: Date;
    validForMs: number;
  },
): Promise<{ id: string; expiresAt: Date }> {
  const staffUserId = "staffUserId" in l.person ? l.person.staffUserId : null;
  const patientAccountId = "patientAccountId" in l.person ? l.person.patientAccountId : null;
  const samePerson = staffUserId
    ? eq(accountLinks.staffUserId, staffUserId)
    : eq(accountLinks.patientAccountId, patientAccountId!);
  const replaced = await tx
    .update(accountLinks)
    .set({ usedAt: l.now })
    .where(and(samePerson, eq(accountLinks.purpose, l.purpose), isNull(accountLinks.usedAt)))
    .returning({ id: accountLinks.id });
  await withdrawLinkMessages(
    tx,
    replaced.map((r) => r.id),
    l.now,
  );
  const id = uuidv7(l.now.getTime());
  const expiresAt = new Date(l.now.getTime() + l.validForMs);
  await tx.insert(accountLinks).values({
    id,
    clinicId: l.clinicId,
    purpose: l.purpose,
    staffUserId,
    patientAccountId,
    tokenHash: null,
    expiresAt,
    createdBy: l.createdBy,
    createdAt: l.now,
  });
  await tx.insert(outboxMessages).values({
    id: uuidv7(l.now.getTime()),
    clinicId: l.clinicId,
    patientId: "patientId" in l.person ? l.person.patientId : null,
    kind: l.purpose,
    toAddress: l.to,
    subject: l.subject,
    body: l.body,
    linkId: id,
    dedupeKey: `${l.purpose}:${id}`,
    createdAt: l.now,
  });
  return { id, expiresAt };
}
