/** Pure helpers for the Messages page. */
import type { OutboxItem } from "../api/queries";

const PRIVATE_LINK = /https?:\/\/[^\s<>"]*\{\{token\}\}/g;
const HIDDEN = "[link hidden: only the e-mail to the recipient holds it]";

/**
 * A message as staff may read it. A sign-in link's token is made when the message is sent and
 * exists only in the e-mail: the server shows the link as hidden (and, should a raw placeholder
 * ever come through, it is shown the same way). `privateLink` says the message held one.
 */
export function readableBody(body: string): { text: string; privateLink: boolean } {
  const text = body.replace(PRIVATE_LINK, HIDDEN);
  return { text, privateLink: text.includes(HIDDEN) };
}

export function statusLook(
  item: Pick<OutboxItem, "status">,
  smtpConfigured: boolean,
): { color: string; label: string } {
  switch (item.status) {
    case "sent":
      return { color: "green", label: "Sent" };
    case "failed":
      return { color: "red", label: "Failed" };
    case "withdrawn":
      return { color: "gray", label: "Withdrawn" };
    case "sending":
      return { color: "blue", label: "Sending" };
    case "pending":
      return smtpConfigured
        ? { color: "yellow", label: "Waiting to send" }
        : { color: "gray", label: "Not sent" };
  }
}

const kindLabels: Record<string, string> = {
  "portal-invitation": "Portal invitation",
  "follow-up-invitation": "Follow-up invitation",
  "follow-up-reminder": "Follow-up reminder",
  "triage-emergency": "Emergency red flag",
};

export const kindLabel = (kind: string): string => kindLabels[kind] ?? kind.replace(/[-_]/g, " ");
