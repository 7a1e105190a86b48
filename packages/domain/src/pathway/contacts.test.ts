import { describe, expect, it } from "vitest";
import { contactDue, contactMessage, escalationDue, escalationTask } from "./contacts";

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
      { timepoint: "2w", windowEnd: "2026-03-22", clinicName: "Spine Clinic", emergencyNumber: "112" },
      "https://x.test/portal/questionnaire/1",
    );
    expect(m.subject).toBe("Your 2 weeks questionnaire from Spine Clinic is ready");
    expect(m.body).toContain("https://x.test/portal/questionnaire/1");
    expect(m.body).toContain("until 22 March 2026");
    const r = contactMessage(
      { number: 1, kind: "reminder", daysAfterOpening: 3 },
      { timepoint: "2w", windowEnd: "2026-03-22", clinicName: "Spine Clinic", emergencyNumber: "112" },
      "l",
    );
    expect(r.body).toContain("already answered it, please ignore");
  });

  it("asks for the baseline before the treatment, with the same link, last day and safety advice", () => {
    const at = {
      timepoint: "baseline",
      windowEnd: "2026-03-20",
      clinicName: "Spine Clinic",
      emergencyNumber: "112",
    };
    const m = contactMessage(
      { number: 0, kind: "invitation", daysAfterOpening: 0 },
      at,
      "https://x.test/q/1",
    );
    expect(m.subject).toBe("Your first questionnaire from Spine Clinic is ready");
    expect(m.body).toContain("Please answer it before your treatment.");
    expect(m.body).not.toContain("since your treatment");
    expect(m.body).toContain("https://x.test/q/1");
    expect(m.body).toContain("until 20 March 2026");
    expect(m.body).toContain("Call the clinic or 112 now.");
    const r = contactMessage({ number: 2, kind: "reminder", daysAfterOpening: 7 }, at, "l");
    expect(r.subject).toBe("Reminder: your first questionnaire from Spine Clinic");
    expect(r.body).toContain("before your treatment. If you have already answered it, please ignore");
    expect(escalationTask(at).detail).toMatch(
      /^The baseline \(before treatment\) questionnaire is still unanswered/,
    );
  });

  it("treats the baseline window like any other: invite when it opens, nothing once it closed", () => {
    const b = { windowStart: "2026-03-02", windowEnd: "2026-03-05" }; // closed early by the treatment on the 5th
    expect(contactDue(b, "2026-03-02")).toMatchObject({ number: 0, kind: "invitation" });
    expect(contactDue(b, "2026-03-05")).toMatchObject({ number: 1, kind: "reminder" });
    expect(contactDue(b, "2026-03-06")).toBeNull();
    expect(escalationDue(b, "2026-03-12")).toBe(false);
  });
});
