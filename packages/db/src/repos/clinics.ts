/** Clinics and staff accounts: created by the demo seeder, the CLI and test factories. */
import { eq } from "drizzle-orm";
import type { Db } from "../connect";
import { uuidv7 } from "../ids";
import { clinics, staffUsers } from "../schema";

export async function createClinic(
  db: Db,
  name: string,
  now = new Date(),
): Promise<{ id: string; name: string }> {
  const id = uuidv7();
  await db.insert(clinics).values({ id, name, createdAt: now });
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
