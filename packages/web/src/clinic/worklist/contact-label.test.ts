import { describe, expect, it } from "vitest";
import { contactLabel } from "./FollowUpTable";

describe("the latest contact under a follow-up", () => {
  it("names the latest e-mail, or says that a patient without a portal account needs a call", () => {
    expect(contactLabel(0)).toBe("not contacted yet");
    expect(contactLabel(2, true)).toBe("reminded once");
    expect(contactLabel(0, false)).toBe("no portal account: call");
    // An account closed after e-mails went out: the e-mails still count.
    expect(contactLabel(3, false)).toBe("reminded twice");
  });
});
