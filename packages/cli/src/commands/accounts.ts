/**
 * Setting up a real (non-demo) installation from the command line:
 *   evident clinic add --name "Harbour Spine Clinic" [--time-zone America/New_York] [--country US]
 *     [--emergency-number 911]   (starts with the default measurement plan minus the licensed
 *     questionnaires; an admin adds those after confirming each licence; the time zone, UTC by
 *     default, sets when diary reminders go out; the country, US by default, gives the emergency
 *     number patients are told to call unless the clinic sets its own)
 *   evident user add --clinic "Harbour Spine Clinic" --email a@b.org --name "Dr A" --role admin
 * The password is read from standard input (or EVIDENT_NEW_PASSWORD), never from an argument,
 * so it does not end up in shell history or the process list. Both are audited, in the clinic's
 * chain, as the command line run by this operating-system user.
 */
import { userInfo } from "node:os";
import { text } from "node:stream/consumers";
import { parseArgs } from "node:util";
import {
  type CreatedBy,
  createClinic,
  createStaffUser,
  findClinicByName,
  mapDbError,
  tables,
} from "@evident/db";
import {
  defaultEmergencyNumber,
  effectiveEmergencyNumber,
  isCountryCode,
  isEmergencyNumber,
  isTimeZone,
  roles,
} from "@evident/domain";
import { email as emailSchema, newPassword } from "@evident/domain/api";
import { hashPassword } from "@evident/server";
import { eq } from "drizzle-orm";
import { withCommandDatabase } from "../database";

/** The command line, as the audit trail names it: "evident cli (<operating-system user>)". */
export function cliActor(): CreatedBy {
  let user = "unknown user";
  try {
    user = userInfo().username;
  } catch {
    // no passwd entry for this uid (some containers)
  }
  return { actorKind: "system", actorId: `evident cli (${user})` };
}

function fail(message: string): number {
  console.error(`evident: ${message}`);
  return 2;
}

export async function runClinic(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  const usage =
    'usage: evident clinic add --name "Clinic name" [--time-zone America/New_York] [--country US] [--emergency-number 911]';
  if (sub !== "add") return fail(usage);
  let values: { name?: string; "time-zone"?: string; country?: string; "emergency-number"?: string };
  try {
    ({ values } = parseArgs({
      args: rest,
      options: {
        name: { type: "string" },
        "time-zone": { type: "string", default: "UTC" },
        country: { type: "string", default: "US" },
        "emergency-number": { type: "string" },
      },
    }));
  } catch (e) {
    return fail(`${(e as Error).message}\n${usage}`);
  }
  const name = values.name?.trim();
  const timeZone = values["time-zone"] ?? "UTC";
  const country = values.country ?? "US";
  const emergencyNumber = values["emergency-number"] ?? null;
  const problems: string[] = [];
  if (!name || name.length > 200) problems.push("--name is required (at most 200 characters)");
  if (!isTimeZone(timeZone))
    problems.push(`--time-zone must be an IANA time zone name, e.g. America/New_York (not "${timeZone}")`);
  if (!isCountryCode(country))
    problems.push(
      `--country must be an ISO 3166-1 alpha-2 code in capitals, e.g. US, GB or ES (not "${country}")`,
    );
  if (emergencyNumber !== null && !isEmergencyNumber(emergencyNumber))
    problems.push(`--emergency-number must be 2 to 15 digits, e.g. 112 (not "${emergencyNumber}")`);
  else if (emergencyNumber === null && isCountryCode(country) && defaultEmergencyNumber(country) === null)
    problems.push(
      `--emergency-number is required for ${country}: Evident knows no default emergency number there`,
    );
  if (problems.length > 0 || !name) return fail(problems.join("; "));
  return withCommandDatabase("clinic add", async (database) => {
    if (await findClinicByName(database.system.db, name))
      return fail(`a clinic named "${name}" already exists`);
    const clinic = await createClinic(database.system.db, name, new Date(), timeZone, {
      emergency: { country, emergencyNumber },
      by: cliActor(),
    });
    console.log(
      JSON.stringify({
        ...clinic,
        timeZone,
        country,
        emergencyNumber: effectiveEmergencyNumber(country, emergencyNumber),
      }),
    );
    return 0;
  });
}

export async function runUser(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  const usage = `usage: evident user add --clinic <name or id> --email <address> --name <full name> --role <${roles.join("|")}>  (password on stdin)`;
  if (sub !== "add") return fail(usage);
  const { values } = parseArgs({
    args: rest,
    options: {
      clinic: { type: "string" },
      email: { type: "string" },
      name: { type: "string" },
      role: { type: "string" },
    },
  });
  const problems: string[] = [];
  if (!values.clinic) problems.push("--clinic is required");
  if (!values.email || !emailSchema.safeParse(values.email).success)
    problems.push("--email must be an e-mail address");
  if (!values.name?.trim()) problems.push("--name is required");
  const role = roles.find((r) => r === values.role);
  if (!role) problems.push(`--role must be one of ${roles.join(", ")}`);
  const password = (
    process.env.EVIDENT_NEW_PASSWORD ?? (process.stdin.isTTY ? "" : await text(process.stdin))
  ).replace(/\r?\n$/, "");
  const pw = newPassword.safeParse(password);
  if (!pw.success) problems.push(`password (stdin): ${pw.error.issues[0]?.message ?? "invalid"}`);
  if (problems.length > 0 || !role) return fail(`${problems.join("; ")}\n${usage}`);
  return withCommandDatabase("user add", async (database) => {
    const key = values.clinic!;
    const byId = /^[0-9a-f-]{36}$/i.test(key)
      ? (await database.system.db.select().from(tables.clinics).where(eq(tables.clinics.id, key)))[0]
      : null;
    const clinic = byId ?? (await findClinicByName(database.system.db, key));
    if (!clinic) return fail(`no clinic "${key}"; create it with: evident clinic add --name "${key}"`);
    try {
      const { id } = await createStaffUser(
        database.system.db,
        {
          clinicId: clinic.id,
          email: values.email!,
          name: values.name!.trim(),
          role,
          passwordHash: await hashPassword(password),
        },
        cliActor(),
      );
      console.log(JSON.stringify({ id, clinicId: clinic.id, email: values.email, role }));
      return 0;
    } catch (e) {
      const mapped = mapDbError(e) as Error;
      return fail(mapped.message);
    }
  });
}
