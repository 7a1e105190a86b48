/**
 * The pain diary, for the patient (their own record: scope.patientId) and for the clinic's staff
 * (any patient of the clinic). The MME of each day is computed here from the domain's table and
 * stored with the table's version, so a later change of factors never rewrites history silently.
 */
import { addDays, badRequest, diaryReminderDue, diaryReminderMail } from "@evident/domain";
import type { DiaryEntryView, DiaryView } from "@evident/domain/api";
import { mmeTableVersion, totalMme } from "@evident/domain/diary/mme";
import { and, desc, eq, gte, isNotNull, sql } from "drizzle-orm";
import type { Db } from "../connect";
import { uuidv7 } from "../ids";
import { clinics, outboxMessages, patientAccounts, patients } from "../schema";
import { type DiaryMedicationRow, diarySettings, painDiaryEntries } from "../schema/diary";
import { whereClinic } from "../tenancy";
import { patientDayBounds } from "./patient-day";
import { audit, auditedRead, inTx, patientInScope, type Scope } from "./scope";

export type DiaryInput = {
  backPain: number;
  legPain: number;
  note?: string | undefined;
  medications: DiaryMedicationRow[];
};

function present(r: typeof painDiaryEntries.$inferSelect): DiaryEntryView {
  return {
    date: r.entryDate,
    backPain: r.backPain,
    legPain: r.legPain,
    note: r.note,
    medications: r.medications,
    mme: r.mme,
    mmeTable: r.mmeTable,
  };
}

export function diaryRepository(db: Db, scope: Scope) {
  /** The last `days` days of entries, newest first, and the reminder setting. */
  async function read(patientId: string, days = 180): Promise<DiaryView> {
    const since = addDays(scope.now().toISOString().slice(0, 10), -days);
    return auditedRead(
      db,
      scope,
      async (tx) => {
        await patientInScope(tx, scope, patientId);
        const rows = await tx
          .select()
          .from(painDiaryEntries)
          .where(
            and(
              whereClinic(painDiaryEntries, scope),
              eq(painDiaryEntries.patientId, patientId),
              gte(painDiaryEntries.entryDate, since),
            ),
          )
          .orderBy(desc(painDiaryEntries.entryDate));
        const [setting] = await tx.select().from(diarySettings).where(eq(diarySettings.patientId, patientId));
        return { entries: rows.map(present), reminder: setting?.reminder ?? false };
      },
      () => ({ action: "read", entityType: "pain-diary", patientId }),
    );
  }

  /**
   * Writes the day's entry (replacing an earlier one that day). Not for a future day or one over
   * 30 days ago, "today" being the patient's day as far as the server can bound it (patient-day.ts).
   */
  async function save(patientId: string, date: string, input: DiaryInput): Promise<DiaryEntryView> {
    const now = scope.now();
    const { earliest, latest } = await patientDayBounds(db, scope);
    if (date > latest) throw badRequest("cannot be in the future", "date");
    if (date < addDays(earliest, -30)) throw badRequest("can be at most 30 days ago", "date");
    return inTx(db, async (tx) => {
      await patientInScope(tx, scope, patientId);
      const values = {
        backPain: input.backPain,
        legPain: input.legPain,
        note: input.note ?? null,
        medications: input.medications,
        mme: totalMme(input.medications),
        mmeTable: mmeTableVersion,
        updatedAt: now,
      };
      const [row] = await tx
        .insert(painDiaryEntries)
        .values({
          id: uuidv7(),
          clinicId: scope.clinicId,
          patientId,
          entryDate: date,
          createdAt: now,
          ...values,
        })
        .onConflictDoUpdate({ target: [painDiaryEntries.patientId, painDiaryEntries.entryDate], set: values })
        .returning();
      await audit(tx, scope, {
        action: "write",
        entityType: "pain-diary",
        entityId: row!.id,
        patientId,
        detail: { date, mme: row!.mme },
      });
      return present(row!);
    });
  }

  async function setReminder(patientId: string, reminder: boolean): Promise<{ reminder: boolean }> {
    return inTx(db, async (tx) => {
      await patientInScope(tx, scope, patientId);
      await tx
        .insert(diarySettings)
        .values({ patientId, clinicId: scope.clinicId, reminder, updatedAt: scope.now() })
        .onConflictDoUpdate({ target: diarySettings.patientId, set: { reminder, updatedAt: scope.now() } });
      await audit(tx, scope, {
        action: "update",
        entityType: "diary-settings",
        patientId,
        detail: { reminder },
      });
      return { reminder };
    });
  }

  return { read, save, setReminder };
}

/**
 * Queues one diary reminder a day for each patient who asked for it and has not written that
 * day's entry, from 19:00 in the clinic's time zone (daylight saving time included: the local
 * hour comes from Intl, domain/time-zone.ts); the day is the clinic's local day. The outbox key
 * (patient, local day) sends it once, whichever server or hourly run gets there first.
 */
export async function runDiaryReminders(
  db: Db,
  opts: { now: Date; baseUrl: string },
): Promise<{ diaryReminders: number }> {
  const zones = await db
    .selectDistinct({ timeZone: clinics.timeZone })
    .from(clinics)
    .innerJoin(diarySettings, and(eq(diarySettings.clinicId, clinics.id), eq(diarySettings.reminder, true)));
  let queued = 0;
  for (const { timeZone } of zones) {
    const { due, localDate } = diaryReminderDue(opts.now, timeZone);
    if (due) queued += await remindIn(db, timeZone, localDate, opts);
  }
  return { diaryReminders: queued };
}

async function remindIn(
  db: Db,
  timeZone: string,
  localDate: string,
  opts: { now: Date; baseUrl: string },
): Promise<number> {
  const link = `${opts.baseUrl.replace(/\/$/, "")}/portal/diary`;
  const due = await db
    .select({
      patientId: diarySettings.patientId,
      clinicId: diarySettings.clinicId,
      email: patientAccounts.email,
      clinic: clinics.name,
      language: patients.language,
    })
    .from(diarySettings)
    .innerJoin(patientAccounts, eq(patientAccounts.patientId, diarySettings.patientId))
    .innerJoin(patients, eq(patients.id, diarySettings.patientId))
    .innerJoin(clinics, eq(clinics.id, diarySettings.clinicId))
    .where(
      and(
        eq(diarySettings.reminder, true),
        eq(clinics.timeZone, timeZone),
        isNotNull(patientAccounts.activatedAt),
        sql`not exists (select 1 from ${painDiaryEntries} e where e.patient_id = ${diarySettings.patientId} and e.entry_date = ${localDate})`,
      ),
    );
  let queued = 0;
  for (const d of due) {
    const rows = await db
      .insert(outboxMessages)
      .values({
        id: uuidv7(),
        clinicId: d.clinicId,
        patientId: d.patientId,
        kind: "diary-reminder",
        toAddress: d.email,
        ...diaryReminderMail(d.language, { clinicName: d.clinic, link }),
        dedupeKey: `diary:${d.patientId}:${localDate}`,
        createdAt: opts.now,
      })
      .onConflictDoNothing({ target: outboxMessages.dedupeKey })
      .returning({ id: outboxMessages.id });
    queued += rows.length;
  }
  return queued;
}
