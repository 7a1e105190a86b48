/**
 * Clinics and staff accounts: created by the demo seeder, the CLI and test factories; a clinic's
 * own settings (its time zone) read by its staff and changed by its administrators.
 */
import { badRequest, isTimeZone, notFound } from "@evident/domain";
import type { ClinicSettings } from "@evident/domain/api";
import { defaultPlan, withoutUnlicensed } from "@evident/domain/pathway/plan";
import { eq } from "drizzle-orm";
import type { Executor } from "../audit";
import type { Db } from "../connect";
import { uuidv7 } from "../ids";
import { clinics, staffUsers } from "../schema";
import { writePlan } from "./plans";
import { audit, inTx, type Scope } from "./scope";

const checkTimeZone = (timeZone: string) => {
  if (!isTimeZone(timeZone))
    throw badRequest("must be an IANA time zone name, e.g. America/New_York or Europe/Berlin", "timeZone");
};

/**
 * A new clinic, with the default measurement plan minus the licensed instruments: it has
 * confirmed no licence yet, so an administrator adds those after confirming each licence.
 */
export async function createClinic(
  db: Db,
  name: string,
  now = new Date(),
  timeZone = "UTC",
): Promise<{ id: string; name: string }> {
  checkTimeZone(timeZone);
  const id = uuidv7();
  await db.transaction(async (tx) => {
    await tx.insert(clinics).values({ id, name, createdAt: now, timeZone });
    await writePlan(tx, id, withoutUnlicensed(defaultPlan, new Set()), null, now);
  });
  return { id, name };
}

export async function createStaffUser(
  db: Db,
  u: {
    clinicId: string;
    email: string;
    name: string;
    role: "admin" | "clinician" | "coordinator" | "researcher";
    passwordHash: string;
  },
): Promise<{ id: string }> {
  const id = uuidv7();
  await db.insert(staffUsers).values({ id, ...u });
  return { id };
}

/** The clinic's IANA time zone: local dates (sign-offs, late baselines) are read in it. */
export async function clinicTimeZone(tx: Executor, clinicId: string): Promise<string> {
  const [c] = await tx.select({ timeZone: clinics.timeZone }).from(clinics).where(eq(clinics.id, clinicId));
  if (!c) throw notFound("clinic");
  return c.timeZone;
}

export async function findClinicByName(db: Db, name: string) {
  const [c] = await db.select().from(clinics).where(eq(clinics.name, name));
  return c ?? null;
}

/** The signed-in staff member's clinic: its settings, and the time zone its administrators set. */
export function clinicSettingsRepository(db: Db, scope: Scope) {
  async function get(): Promise<ClinicSettings> {
    const [c] = await db
      .select({ name: clinics.name, timeZone: clinics.timeZone })
      .from(clinics)
      .where(eq(clinics.id, scope.clinicId));
    if (!c) throw notFound("clinic");
    return c;
  }

  async function setTimeZone(timeZone: string): Promise<ClinicSettings> {
    checkTimeZone(timeZone);
    return inTx(db, async (tx) => {
      const [before] = await tx
        .select({ timeZone: clinics.timeZone })
        .from(clinics)
        .where(eq(clinics.id, scope.clinicId))
        .for("update");
      if (!before) throw notFound("clinic");
      const [c] = await tx
        .update(clinics)
        .set({ timeZone })
        .where(eq(clinics.id, scope.clinicId))
        .returning({ name: clinics.name, timeZone: clinics.timeZone });
      await audit(tx, scope, {
        action: "update",
        entityType: "clinic",
        entityId: scope.clinicId,
        detail: { timeZone: { from: before.timeZone, to: timeZone } },
      });
      return c!;
    });
  }

  return { get, setTimeZone };
}
