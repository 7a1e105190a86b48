import { describe, expect, it } from "vitest";
import { type Actor, can, mayOverrideCandidacy, permissions, roles } from "./policy";

const staff = (role: (typeof roles)[number]): Actor => ({
  kind: "staff",
  userId: "u",
  clinicId: "c",
  role,
  name: "n",
});

describe("access policy", () => {
  it("gives researchers no permission on identified records", () => {
    const r = staff("researcher");
    // The research export writes de-identified files only (db/research-export).
    expect(permissions.filter((p) => can(r, p))).toEqual(["outcomes:read", "research:export"]);
  });
  it("lets only clinicians and admins record treatments", () => {
    expect(roles.filter((role) => can(staff(role), "treatments:write"))).toEqual(["admin", "clinician"]);
  });
  it("lets only admins read the audit trail", () => {
    expect(roles.filter((role) => can(staff(role), "audit:read"))).toEqual(["admin"]);
  });
  it("lets only admins change the measurement plan and confirm licences", () => {
    expect(roles.filter((role) => can(staff(role), "clinic:configure"))).toEqual(["admin"]);
  });
  it("lets only admins manage staff accounts", () => {
    expect(roles.filter((role) => can(staff(role), "staff:manage"))).toEqual(["admin"]);
  });
  it("lets only clinicians and admins review a red-flag triage", () => {
    expect(roles.filter((role) => can(staff(role), "triage:review"))).toEqual(["admin", "clinician"]);
  });
  it("lets only clinicians and admins sign off a candidacy assessment", () => {
    expect(roles.filter((role) => can(staff(role), "candidacy:sign"))).toEqual(["admin", "clinician"]);
  });
  it("lets only clinicians and admins override the candidacy gate, never a coordinator", () => {
    expect(roles.filter((role) => mayOverrideCandidacy(staff(role)))).toEqual(["admin", "clinician"]);
  });
  it("grants patients no staff permission", () => {
    const p: Actor = { kind: "patient", accountId: "a", patientId: "p", clinicId: "c", name: "n" };
    expect(permissions.some((perm) => can(p, perm))).toBe(false);
  });
});
