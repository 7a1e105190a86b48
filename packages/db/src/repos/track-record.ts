/**
 * A clinic's public track record: its publishing state (changed by its administrators, audited,
 * through the clinic's scoped database) and what the page is computed from. The page is read by
 * slug before any clinic is known, so that lookup and the page's figures run as the system role,
 * like the benchmarks' maintenance; every figure read here is a count over a group (per treatment
 * kind), never a patient's row.
 */
import { notFound } from "@evident/domain";
import { eq, sql } from "drizzle-orm";
import type { Executor } from "../audit";
import type { Db } from "../connect";
import { clinics } from "../schema";
import { clinicTrackRecords } from "../schema/track-record";
import { pooledPatient } from "./research-consent-sql";
import { audit, inTx, type Scope } from "./scope";

export type TrackRecordState = { published: boolean; slug: string | null; publishedAt: Date | null };

/** The page's address: the clinic's name in lower-case ASCII, and the end of its id (names repeat). */
export function trackRecordSlug(name: string, clinicId: string): string {
  const base = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 48);
  return `${base || "clinic"}-${clinicId.replace(/-/g, "").slice(-6)}`;
}

export function trackRecordRepository(db: Db, scope: Scope) {
  async function state(): Promise<TrackRecordState> {
    const [r] = await db
      .select()
      .from(clinicTrackRecords)
      .where(eq(clinicTrackRecords.clinicId, scope.clinicId));
    return r
      ? { published: r.published, slug: r.slug, publishedAt: r.publishedAt }
      : { published: false, slug: null, publishedAt: null };
  }

  /** Publishes or withdraws the page, in one audited transaction (from → to). */
  async function setPublished(published: boolean): Promise<TrackRecordState> {
    return inTx(db, async (tx) => {
      const [clinic] = await tx
        .select({ name: clinics.name })
        .from(clinics)
        .where(eq(clinics.id, scope.clinicId));
      if (!clinic) throw notFound("clinic");
      const [before] = await tx
        .select()
        .from(clinicTrackRecords)
        .where(eq(clinicTrackRecords.clinicId, scope.clinicId))
        .for("update");
      const now = scope.now();
      const slug = before?.slug ?? trackRecordSlug(clinic.name, scope.clinicId);
      const publishedAt = published ? now : (before?.publishedAt ?? null);
      const row = { published, publishedAt, changedBy: scope.actor.id, changedAt: now };
      if (before)
        await tx.update(clinicTrackRecords).set(row).where(eq(clinicTrackRecords.clinicId, scope.clinicId));
      else await tx.insert(clinicTrackRecords).values({ clinicId: scope.clinicId, slug, ...row });
      await audit(tx, scope, {
        action: "update",
        entityType: "clinic-track-record",
        entityId: scope.clinicId,
        detail: { published: { from: before?.published ?? false, to: published }, slug },
      });
      return { published, slug, publishedAt };
    });
  }

  return { state, setPublished };
}

/** A timestamp as a raw query returns it (a string from the driver, a Date from some). */
const dateOf = (v: Date | string | null): Date | null => (v === null ? null : new Date(v));

export type PublishedTrackRecord = { clinicId: string; name: string; slug: string; publishedAt: Date | null };

/** A published page by its slug (null: no such page, or not published). Run as the system role. */
export async function publishedTrackRecord(
  system: Executor,
  slug: string,
): Promise<PublishedTrackRecord | null> {
  const { rows } = await system.execute<{
    clinic_id: string;
    name: string;
    slug: string;
    published_at: Date | string | null;
  }>(sql`
    select t.clinic_id, c.name, t.slug, t.published_at from clinic_track_records t
    join clinics c on c.id = t.clinic_id where t.slug = ${slug} and t.published`);
  const r = rows[0];
  return r
    ? { clinicId: r.clinic_id, name: r.name, slug: r.slug, publishedAt: dateOf(r.published_at) }
    : null;
}

/** Every published page, by clinic name. Run as the system role. */
export async function publishedTrackRecords(
  system: Executor,
): Promise<Omit<PublishedTrackRecord, "clinicId">[]> {
  const { rows } = await system.execute<{
    name: string;
    slug: string;
    published_at: Date | string | null;
  }>(sql`
    select c.name, t.slug, t.published_at from clinic_track_records t
    join clinics c on c.id = t.clinic_id where t.published order by c.name, t.slug`);
  return rows.map((r) => ({ name: r.name, slug: r.slug, publishedAt: dateOf(r.published_at) }));
}

export type KindCounts = {
  kind: string;
  treated: number;
  serious: number;
  notSerious: number;
};

/**
 * Per treatment kind: episodes first treated with it (the summaries' slices) and adverse events
 * recorded against a treatment of it, serious or not. A clinic's own (`clinicId`), or the
 * network's (null: every clinic, leaving out patients who withdrew research consent, as the
 * pooled summaries do). Also the day the summaries were computed for and when last refreshed.
 */
export async function trackRecordCounts(
  system: Executor,
  clinicId: string | null,
): Promise<{ kinds: KindCounts[]; asOf: string | null; refreshedAt: Date | null }> {
  const slices = await system.execute<{
    kind: string;
    treated: number;
    as_of: string;
    refreshed_at: Date | string;
  }>(sql`
    select s.kind, sum(${clinicId === null ? sql`s.pooled_first_treatments` : sql`s.first_treatments`})::int as treated,
           max(s.as_of)::text as as_of, max(s.refreshed_at) as refreshed_at
    from summary_slices s ${clinicId === null ? sql`` : sql`where s.clinic_id = ${clinicId}`}
    group by s.kind`);
  const events = await system.execute<{ kind: string; serious: number; not_serious: number }>(sql`
    select t.kind,
           count(*) filter (where a.serious or cardinality(a.seriousness) > 0)::int as serious,
           count(*) filter (where not (a.serious or cardinality(a.seriousness) > 0))::int as not_serious
    from adverse_events a join treatments t on t.id = a.treatment_id
    where ${clinicId === null ? pooledPatient("a.patient_id") : sql`a.clinic_id = ${clinicId}`}
    group by t.kind`);
  const byKind = new Map<string, KindCounts>();
  const of = (kind: string) => {
    let k = byKind.get(kind);
    if (!k) {
      k = { kind, treated: 0, serious: 0, notSerious: 0 };
      byKind.set(kind, k);
    }
    return k;
  };
  for (const s of slices.rows) of(s.kind).treated = s.treated;
  for (const e of events.rows) Object.assign(of(e.kind), { serious: e.serious, notSerious: e.not_serious });
  const asOf = slices.rows.reduce<string | null>((m, s) => (m === null || s.as_of > m ? s.as_of : m), null);
  const refreshedAt = slices.rows.reduce<Date | null>((m, s) => {
    const at = new Date(s.refreshed_at);
    return m === null || at > m ? at : m;
  }, null);
  return { kinds: [...byKind.values()], asOf, refreshedAt };
}
