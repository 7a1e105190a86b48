import { describe, expect, it } from "vitest";
import { EvidentError } from "../errors";
import { checkStaffChange, mfaRequired } from "./staff";

const admin = { id: "a1", role: "admin" as const, disabled: false };

const refusal = (f: () => void) => {
  try {
    f();
  } catch (e) {
    return e instanceof EvidentError ? `${e.status} ${e.issues[0]?.path}` : String(e);
  }
  return "allowed";
};

describe("staff account rules", () => {
  it("requires a second factor of every admin, and of everyone when the clinic says so", () => {
    expect(mfaRequired("admin", false)).toBe(true);
    expect(mfaRequired("clinician", false)).toBe(false);
    expect(mfaRequired("researcher", true)).toBe(true);
  });

  it("refuses to demote or disable the clinic's last active admin", () => {
    const demote = { kind: "role", role: "clinician" } as const;
    expect(
      refusal(() => checkStaffChange({ actorId: "x", target: admin, change: demote, activeAdmins: 1 })),
    ).toBe("409 role");
    expect(
      refusal(() =>
        checkStaffChange({ actorId: "x", target: admin, change: { kind: "disable" }, activeAdmins: 1 }),
      ),
    ).toBe("409 id");
  });

  it("allows demoting an admin while another admin remains", () => {
    const demote = { kind: "role", role: "coordinator" } as const;
    expect(
      refusal(() => checkStaffChange({ actorId: "x", target: admin, change: demote, activeAdmins: 2 })),
    ).toBe("allowed");
  });

  it("refuses disabling oneself", () => {
    expect(
      refusal(() =>
        checkStaffChange({ actorId: "a1", target: admin, change: { kind: "disable" }, activeAdmins: 3 }),
      ),
    ).toBe("409 id");
  });

  it("lets the last admin keep the admin role and change other people", () => {
    const keep = { kind: "role", role: "admin" } as const;
    expect(
      refusal(() => checkStaffChange({ actorId: "a1", target: admin, change: keep, activeAdmins: 1 })),
    ).toBe("allowed");
    const clinician = { id: "c1", role: "clinician" as const, disabled: false };
    expect(
      refusal(() =>
        checkStaffChange({ actorId: "a1", target: clinician, change: { kind: "disable" }, activeAdmins: 1 }),
      ),
    ).toBe("allowed");
  });
});
