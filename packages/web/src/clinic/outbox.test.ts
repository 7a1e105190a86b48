import { describe, expect, it } from "vitest";
import { kindLabel, readableBody, statusLook } from "./outbox";

describe("outbox helpers", () => {
  it("shows a sign-in link's placeholder in words, and leaves other links alone", () => {
    const hidden = "Dear Ann,\n\nOpen this link:\n[link hidden: only the e-mail to the recipient holds it]\n";
    expect(readableBody(hidden)).toEqual({ text: hidden, privateLink: true });
    const raw = "Open this link:\nhttp://127.0.0.1:3000/portal/welcome#{{token}}\n\nThanks.";
    expect(readableBody(raw)).toEqual({
      text: "Open this link:\n[link hidden: only the e-mail to the recipient holds it]\n\nThanks.",
      privateLink: true,
    });
    expect(readableBody("see https://example.org/x.")).toEqual({
      text: "see https://example.org/x.",
      privateLink: false,
    });
  });

  it("says plainly that a pending message is not sent when no e-mail server is set up", () => {
    expect(statusLook({ status: "pending" }, false).label).toBe("Not sent");
    expect(statusLook({ status: "pending" }, true).label).toBe("Waiting to send");
    expect(statusLook({ status: "sent" }, true).label).toBe("Sent");
    expect(statusLook({ status: "withdrawn" }, true).label).toBe("Withdrawn");
  });

  it("names message kinds", () => {
    expect(kindLabel("portal-invitation")).toBe("Portal invitation");
    expect(kindLabel("follow_up-reminder")).toBe("follow up reminder");
  });
});
