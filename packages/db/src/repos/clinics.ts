/** Clinics and staff accounts: created by the demo seeder, the CLI and test factories. */
import { defaultPlan, withoutUnlicensed } from "@evident/domain/pathway/plan";
import { eq } from "drizzle-orm";
import type { Db } from "../connect";
import { uuidv7 } from "../ids";
import { clinics, staffUsers } from "../schema";
import { writePlan } from "./plans";

/**
 * A new clinic, with the default measurement plan minus the licensed instruments: it has
 * confirmed no licence yet, so an administrator adds those after confirming each licence.
 */
export async function createClinic(
  db: Db,
  name: string,
  now = new Date(),
): Promise<{ id: string; name: string }> {
  const id = uuidv7();
  await db.transaction(async (tx) => {
    await tx.insert(clinics).values({ id, name, createdAt: now });
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

export async function findClinicByName(db: Db, name: string) {
  const [c] = await db.select().from(clinics).where(eq(clinics.name, name));
  return c ?? null;
}
