import { describe, expect, it } from "vitest";
import { firstLink, kindLabel, statusLook } from "./outbox";

describe("outbox helpers", () => {
  it("finds the invitation link in a message body", () => {
    const body = "Dear Ann,\n\nOpen this link:\nhttp://127.0.0.1:3000/portal/welcome#abc_DEF-123\n\nThanks.";
    expect(firstLink(body)).toBe("http://127.0.0.1:3000/portal/welcome#abc_DEF-123");
    expect(firstLink("no link here")).toBeNull();
    expect(firstLink("see https://example.org/x.")).toBe("https://example.org/x");
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
