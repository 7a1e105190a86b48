import { describe, expect, it } from "vitest";
import { contactDue, contactMessage, escalationDue } from "./contacts";

const f = { windowStart: "2026-03-08", windowEnd: "2026-03-22" };

describe("follow-up contacts", () => {
  it("invites on the day the window opens, reminds after 3 and 7 days", () => {
    expect(contactDue(f, "2026-03-07")).toBeNull();
    expect(contactDue(f, "2026-03-08")?.number).toBe(0);
    expect(contactDue(f, "2026-03-10")?.number).toBe(0);
    expect(contactDue(f, "2026-03-11")?.number).toBe(1);
    expect(contactDue(f, "2026-03-15")?.number).toBe(2);
    expect(contactDue(f, "2026-03-22")?.number).toBe(2);
  });

  it("contacts nobody once the follow-up is completed, cancelled or its window has closed", () => {
    expect(contactDue({ ...f, completedAt: "2026-03-09T10:00:00Z" }, "2026-03-11")).toBeNull();
    expect(contactDue({ ...f, cancelledAt: "2026-03-09T10:00:00Z" }, "2026-03-11")).toBeNull();
    expect(contactDue(f, "2026-03-23")).toBeNull();
    expect(escalationDue({ ...f, completedAt: "2026-03-09T10:00:00Z" }, "2026-03-20")).toBe(false);
  });

  it("after a gap sends only the latest contact due, not every one missed", () => {
    // The job did not run between the 7th and the 16th: one reminder, number 2.
    expect(contactDue(f, "2026-03-16")).toMatchObject({ number: 2, kind: "reminder" });
  });

  it("escalates 3 days after the second reminder while the window is open", () => {
    expect(escalationDue(f, "2026-03-17")).toBe(false);
    expect(escalationDue(f, "2026-03-18")).toBe(true);
    expect(escalationDue(f, "2026-03-23")).toBe(false);
  });

  it("writes the invitation with the link and the last day, and a reminder that says to ignore it if done", () => {
    const m = contactMessage(
      { number: 0, kind: "invitation", daysAfterOpening: 0 },
      { timepoint: "2w", windowEnd: "2026-03-22", clinicName: "Spine Clinic" },
      "https://x.test/portal/questionnaire/1",
    );
    expect(m.subject).toBe("Your 2 weeks questionnaire from Spine Clinic is ready");
    expect(m.body).toContain("https://x.test/portal/questionnaire/1");
    expect(m.body).toContain("until 2026-03-22");
    const r = contactMessage(
      { number: 1, kind: "reminder", daysAfterOpening: 3 },
      { timepoint: "2w", windowEnd: "2026-03-22", clinicName: "Spine Clinic" },
      "l",
    );
    expect(r.body).toContain("already answered it, please ignore");
  });
});
