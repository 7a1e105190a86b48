/** Pure helpers for the Messages page. */
import type { OutboxItem } from "../api/queries";

/** The first web link in a message body (an invitation's portal link), if any. */
export function firstLink(body: string): string | null {
  const m = /https?:\/\/[^\s<>"]+/.exec(body);
  return m ? m[0].replace(/[.,;:)]+$/, "") : null;
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
