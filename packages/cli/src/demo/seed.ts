/**
 * Demo data: a clinic with its staff and synthetic patients. (Placeholder for the realistic
 * generator: clinic and staff only.)
 */
import { createClinic, createStaffUser, type Database } from "@evident/db";
import { hashPassword } from "@evident/server";

export const DEMO_PASSWORD = "evident-demo-password";
export const DEMO_CLINIC = "Demo Spine Clinic";

export const demoSignIns = [
  { role: "clinician", email: "clinician@demo.evident.test", name: "Dr Dana Reyes" },
  { role: "coordinator", email: "coordinator@demo.evident.test", name: "Sam Okafor" },
  { role: "admin", email: "admin@demo.evident.test", name: "Alex Admin" },
  { role: "researcher", email: "researcher@demo.evident.test", name: "Riley Research" },
] as const;

export type DemoOptions = {
  patients: number;
  seed: number;
  onProgress?: (done: number, total: number) => void;
};

export async function seedDemo(database: Database, opts: DemoOptions): Promise<{ clinicId: string }> {
  const clinic = await createClinic(database.db, DEMO_CLINIC);
  const hash = await hashPassword(DEMO_PASSWORD);
  for (const s of demoSignIns) {
    await createStaffUser(database.db, {
      clinicId: clinic.id,
      email: s.email,
      name: s.name,
      role: s.role,
      passwordHash: hash,
    });
  }
  opts.onProgress?.(opts.patients, opts.patients);
  return { clinicId: clinic.id };
}
