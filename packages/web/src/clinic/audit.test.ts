import { describe, expect, it } from "vitest";
import { actionText, actorText, auditQuery, detailText, filtersFrom, hasFilters } from "./audit";

describe("audit trail page helpers", () => {
  it("reads the filters from the address, ignoring empty ones", () => {
    const f = filtersFrom(new URLSearchParams("who=kind:patient&action=&from=2026-03-01&other=x"));
    expect(f).toEqual({ who: "kind:patient", from: "2026-03-01" });
    expect(hasFilters(f)).toBe(true);
    expect(hasFilters({})).toBe(false);
  });

  it("turns the Who choice into the API's actor kind and id", () => {
    expect(auditQuery({ who: "staff:abc", action: "read" }, { limit: "50" }).toString()).toBe(
      "actorKind=staff&actorId=abc&action=read&limit=50",
    );
    expect(auditQuery({ who: "kind:system", to: "2026-03-02" }).toString()).toBe(
      "actorKind=system&to=2026-03-02",
    );
  });

  it("tells who acted and what they did in words", () => {
    expect(actorText({ kind: "staff", id: "u1", name: "Dr Lee" })).toEqual({ name: "Dr Lee", kind: "Staff" });
    expect(actorText({ kind: "system", id: "evident cli (ops)", name: null })).toEqual({
      name: "evident cli (ops)",
      kind: "System",
    });
    expect(
      actionText({ action: "export", entityType: "adverse-event", detail: { format: "medwatch-pdf" } }),
    ).toBe("Exported · adverse event (medwatch-pdf)");
    expect(actionText({ action: "sign-in-failed", entityType: "session", detail: {} })).toBe(
      "Sign in failed · session",
    );
  });

  it("shortens details, nested values as JSON", () => {
    expect(detailText({ returned: 3, filter: { q: "Lee" }, format: "csv" })).toBe(
      'returned: 3 · filter: {"q":"Lee"}',
    );
    expect(detailText({ text: "x".repeat(200) }, 20)).toHaveLength(20);
  });
});
