import { describe, expect, it } from "vitest";
import { compareTasks, isOverdue, mayCloseTask, type TaskPriority } from "./index";

const t = (priority: TaskPriority, due: string | null, created = "2026-03-01T00:00:00Z") => ({
  priority,
  dueAt: due ? new Date(due) : null,
  createdAt: new Date(created),
});

describe("the task queue order", () => {
  it("puts emergency before urgent before soon before routine, whatever the deadlines", () => {
    const list = [
      t("routine", "2026-03-01T00:00:00Z"),
      t("soon", null),
      t("urgent", "2026-03-09T00:00:00Z"),
      t("emergency", "2026-03-10T00:00:00Z"),
    ];
    expect(list.sort(compareTasks).map((x) => x.priority)).toEqual([
      "emergency",
      "urgent",
      "soon",
      "routine",
    ]);
  });
  it("orders equal priorities by deadline, with no deadline last, then by age", () => {
    const a = t("urgent", "2026-03-03T00:00:00Z");
    const b = t("urgent", "2026-03-02T00:00:00Z");
    const c = t("urgent", null, "2026-02-01T00:00:00Z");
    const d = t("urgent", null, "2026-01-01T00:00:00Z");
    expect([a, c, b, d].sort(compareTasks)).toEqual([b, a, d, c]);
  });
});

describe("who may close a task", () => {
  it("keeps a clinician's task for clinicians and administrators", () => {
    expect(mayCloseTask("clinician", "clinician")).toBe(true);
    expect(mayCloseTask("admin", "clinician")).toBe(true);
    expect(mayCloseTask("coordinator", "clinician")).toBe(false);
    expect(mayCloseTask("researcher", "clinician")).toBe(false);
  });
  it("lets coordinators and clinicians close a coordinator's task, never a researcher", () => {
    expect(mayCloseTask("coordinator", "coordinator")).toBe(true);
    expect(mayCloseTask("clinician", "coordinator")).toBe(true);
    expect(mayCloseTask("researcher", "coordinator")).toBe(false);
  });
});

describe("overdue", () => {
  const now = new Date("2026-03-02T09:00:00Z");
  it("is an open task past its deadline", () => {
    expect(isOverdue({ status: "open", dueAt: new Date("2026-03-02T08:59:00Z") }, now)).toBe(true);
    expect(isOverdue({ status: "open", dueAt: new Date("2026-03-02T09:01:00Z") }, now)).toBe(false);
    expect(isOverdue({ status: "open", dueAt: null }, now)).toBe(false);
    expect(isOverdue({ status: "done", dueAt: new Date("2026-03-01T00:00:00Z") }, now)).toBe(false);
  });
});
