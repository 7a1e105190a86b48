/**
 * "Today" for something a patient logs (a diary entry, a session): the server cannot know the
 * patient's own time zone, only bound it — the clinic's date in its time zone, or the UTC date,
 * whichever is later, is the latest day that may be today for them (a patient east of UTC
 * reaches a day before UTC does; a clinic west of UTC still has yesterday when UTC has moved on),
 * and the other the earliest.
 */
import { localTime } from "@evident/domain";
import { eq } from "drizzle-orm";
import type { Executor } from "../audit";
import { clinics } from "../schema";
import type { Scope } from "./scope";

export async function patientDayBounds(
  db: Executor,
  scope: Scope,
): Promise<{ earliest: string; latest: string }> {
  const now = scope.now();
  const utcToday = now.toISOString().slice(0, 10);
  const [clinic] = await db
    .select({ timeZone: clinics.timeZone })
    .from(clinics)
    .where(eq(clinics.id, scope.clinicId));
  const clinicToday = clinic ? localTime(now, clinic.timeZone).date : utcToday;
  return clinicToday < utcToday
    ? { earliest: clinicToday, latest: utcToday }
    : { earliest: utcToday, latest: clinicToday };
}
