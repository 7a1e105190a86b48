/**
 * Clinics and staff accounts: created by the demo seeder, the CLI and test factories (each
 * creation audited, in the new clinic's chain, as whoever did it); a clinic's own settings (its
 * time zone; its country and emergency number; whether researchers see its name on the
 * benchmarking funnel) read by its staff and changed by its administrators. A clinic always has an emergency number for its patients: its own, or its
 * country's default (domain/emergency-number.ts); a country without a known default cannot be
 * saved without its own number.
 */
import {
  badRequest,
  defaultEmergencyNumber,
  effectiveEmergencyNumber,
  type Issue,
  isCountryCode,
  isEmergencyNumber,
  isTimeZone,
  notFound,
} from "@evident/domain";
import type { ClinicSettings } from "@evident/domain/api";
import { defaultPlan, withoutUnlicensed } from "@evident/domain/pathway/plan";
import { eq } from "drizzle-orm";
import { type AuditInput, appendAudit, type Executor } from "../audit";
import type { Db } from "../connect";
import { uuidv7 } from "../ids";
import { clinics, staffUsers } from "../schema";
import { writePlan } from "./plans";
import { audit, inTx, type Scope } from "./scope";

const checkTimeZone = (timeZone: string) => {
  if (!isTimeZone(timeZone))
    throw badRequest("must be an IANA time zone name, e.g. America/New_York or Europe/Berlin", "timeZone");
};

/** Who created a clinic or an account, as the audit trail names them (the system by default). */
export type CreatedBy = Pick<AuditInput, "actorKind" | "actorId"> & { requestId?: string | null };
const bySystem: CreatedBy = { actorKind: "system", actorId: null };

export type EmergencySetting = { country: string; emergencyNumber: string | null };

/** Refuses (400, naming each field) a country or number patients could not rely on. */
export function checkEmergencySetting({ country, emergencyNumber }: EmergencySetting): void {
  const issues: Issue[] = [];
  if (!isCountryCode(country))
    issues.push({
      path: "country",
      message: "must be an ISO 3166-1 alpha-2 country code, e.g. US, GB or ES",
    });
  if (emergencyNumber !== null && !isEmergencyNumber(emergencyNumber))
    issues.push({ path: "emergencyNumber", message: "must be 2 to 15 digits, e.g. 112" });
  else if (emergencyNumber === null && isCountryCode(country) && defaultEmergencyNumber(country) === null)
    issues.push({
      path: "emergencyNumber",
      message: `is required for ${country}: Evident knows no default emergency number there`,
    });
  if (issues.length > 0) throw badRequest(issues);
}

/** The emergency number the clinic's patients are told to call (its own, else its country's). */
export async function clinicEmergencyNumber(tx: Executor, clinicId: string): Promise<string> {
  const [c] = await tx
    .select({ country: clinics.country, emergencyNumber: clinics.emergencyNumber })
    .from(clinics)
    .where(eq(clinics.id, clinicId));
  if (!c) throw notFound("clinic");
  return effectiveEmergencyNumber(c.country, c.emergencyNumber);
}

/**
 * A new clinic, with the default measurement plan minus the licensed instruments: it has
 * confirmed no licence yet, so an administrator adds those after confirming each licence.
 */
export async function createClinic(
  db: Db,
  name: string,
  now = new Date(),
  timeZone = "UTC",
  opts: { emergency?: EmergencySetting; by?: CreatedBy } = {},
): Promise<{ id: string; name: string }> {
  const { emergency = { country: "US", emergencyNumber: null }, by = bySystem } = opts;
  checkTimeZone(timeZone);
  checkEmergencySetting(emergency);
  const id = uuidv7();
  await db.transaction(async (tx) => {
    await tx.insert(clinics).values({ id, name, createdAt: now, timeZone, ...emergency });
    await writePlan(tx, id, withoutUnlicensed(defaultPlan, new Set()), null, now);
    await appendAudit(tx, {
      at: now,
      ...by,
      requestId: by.requestId ?? null,
      clinicId: id,
      patientId: null,
      action: "create",
      entityType: "clinic",
      entityId: id,
      detail: { name, timeZone, ...emergency },
    });
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
  by: CreatedBy = bySystem,
  now = new Date(),
): Promise<{ id: string }> {
  const id = uuidv7();
  await db.transaction(async (tx) => {
    await tx.insert(staffUsers).values({ id, ...u, activatedAt: now, createdAt: now });
    await appendAudit(tx, {
      at: now,
      ...by,
      requestId: by.requestId ?? null,
      clinicId: u.clinicId,
      patientId: null,
      action: "create",
      entityType: "staff-user",
      entityId: id,
      detail: { email: u.email, role: u.role },
    });
  });
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

const settingsColumns = {
  name: clinics.name,
  timeZone: clinics.timeZone,
  country: clinics.country,
  emergencyNumber: clinics.emergencyNumber,
  benchmarkNamed: clinics.benchmarkNamed,
};

function presentSettings(c: {
  name: string;
  timeZone: string;
  country: string;
  emergencyNumber: string | null;
  benchmarkNamed: boolean;
}): ClinicSettings {
  return {
    ...c,
    defaultEmergencyNumber: defaultEmergencyNumber(c.country),
    effectiveEmergencyNumber: effectiveEmergencyNumber(c.country, c.emergencyNumber),
  };
}

/** The signed-in staff member's clinic: its settings, changed by its administrators (audited). */
export function clinicSettingsRepository(db: Db, scope: Scope) {
  async function get(): Promise<ClinicSettings> {
    const [c] = await db.select(settingsColumns).from(clinics).where(eq(clinics.id, scope.clinicId));
    if (!c) throw notFound("clinic");
    return presentSettings(c);
  }

  /** Changes some settings in one audited transaction, recording each change from → to. */
  async function update(
    change: Partial<{
      timeZone: string;
      country: string;
      emergencyNumber: string | null;
      benchmarkNamed: boolean;
    }>,
  ): Promise<ClinicSettings> {
    return inTx(db, async (tx) => {
      const [before] = await tx
        .select(settingsColumns)
        .from(clinics)
        .where(eq(clinics.id, scope.clinicId))
        .for("update");
      if (!before) throw notFound("clinic");
      const after = { ...before, ...change };
      if (change.timeZone !== undefined) checkTimeZone(after.timeZone);
      if (change.country !== undefined || change.emergencyNumber !== undefined) checkEmergencySetting(after);
      const [c] = await tx
        .update(clinics)
        .set(change)
        .where(eq(clinics.id, scope.clinicId))
        .returning(settingsColumns);
      const detail = Object.fromEntries(
        (Object.keys(change) as (keyof typeof change)[]).map((k) => [k, { from: before[k], to: after[k] }]),
      );
      await audit(tx, scope, { action: "update", entityType: "clinic", entityId: scope.clinicId, detail });
      return presentSettings(c!);
    });
  }

  const setTimeZone = (timeZone: string) => update({ timeZone });

  /** The country, and the clinic's own emergency number (null: the country's default). */
  const setEmergencyNumber = (setting: EmergencySetting) => update(setting);

  /** Whether researchers see the clinic's name on the benchmarking funnel (the change is audited). */
  const setBenchmarkNamed = (named: boolean) => update({ benchmarkNamed: named });

  return { get, setTimeZone, setEmergencyNumber, setBenchmarkNamed };
}
