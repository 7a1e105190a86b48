/**
 * A clinic's measurement plan and instrument licences. Reading them is not patient data; changing
 * them is audited (who, when, what it was and what it became). The plan is checked by the pure
 * rules in @evident/domain/pathway/plan against the licences confirmed in the same transaction,
 * so a licence cannot be withdrawn between the check and the write.
 *
 * A clinic with no stored plan (one made before plans existed) uses the default plan without the
 * licensed instruments it has not confirmed: what a new clinic starts with.
 */
import { badRequest, notFound, timepointLabel } from "@evident/domain";
import type { Catalogue, CatalogueEntry, LicenceView, PlanView } from "@evident/domain/api";
import { findInstrument, instruments } from "@evident/domain/instruments";
import {
  checkPlan,
  defaultPlan,
  type MeasurementPlan,
  planTimepoints,
  withoutUnlicensed,
} from "@evident/domain/pathway/plan";
import type { TimepointId } from "@evident/domain/pathway/schedule";
import { desc, eq } from "drizzle-orm";
import type { Executor } from "../audit";
import type { Db } from "../connect";
import { uuidv7 } from "../ids";
import { staffUsers } from "../schema";
import { instrumentLicences, planTimepoints as planRows } from "../schema/plans";
import { whereClinic } from "../tenancy";
import { audit, inTx, type Scope, type Tx } from "./scope";

type Licence = { reference: string; confirmedAt: Date; confirmedBy: string | null };

/** The latest confirmation of each instrument licence of a clinic, with the confirmer's name. */
async function licencesOf(tx: Executor, clinicId: string): Promise<Map<string, Licence>> {
  const rows = await tx
    .select({
      instrument: instrumentLicences.instrument,
      reference: instrumentLicences.reference,
      confirmedAt: instrumentLicences.confirmedAt,
      confirmedBy: staffUsers.name,
    })
    .from(instrumentLicences)
    .leftJoin(staffUsers, eq(staffUsers.id, instrumentLicences.confirmedBy))
    .where(eq(instrumentLicences.clinicId, clinicId))
    .orderBy(desc(instrumentLicences.confirmedAt), desc(instrumentLicences.id));
  const latest = new Map<string, Licence>();
  for (const r of rows) if (!latest.has(r.instrument)) latest.set(r.instrument, r);
  return latest;
}

/** The plan a clinic uses now (see the module note for a clinic without a stored plan). */
export async function planOf(tx: Executor, clinicId: string): Promise<MeasurementPlan> {
  const rows = await tx.select().from(planRows).where(eq(planRows.clinicId, clinicId));
  if (rows.length === 0) {
    return withoutUnlicensed(defaultPlan, new Set((await licencesOf(tx, clinicId)).keys()));
  }
  return Object.fromEntries(rows.map((r) => [r.timepoint, r.instruments]));
}

/** Replaces a clinic's stored plan (no checks: callers check, or write the default). */
export async function writePlan(
  tx: Tx,
  clinicId: string,
  plan: MeasurementPlan,
  by: string | null,
  at: Date,
): Promise<void> {
  await tx.delete(planRows).where(eq(planRows.clinicId, clinicId));
  const values = planTimepoints(plan).map((timepoint) => ({
    clinicId,
    timepoint,
    instruments: [...(plan[timepoint] ?? [])],
    updatedBy: by,
    updatedAt: at,
  }));
  if (values.length > 0) await tx.insert(planRows).values(values);
}

/** Records a licence confirmation (append-only; the latest counts). */
export async function recordLicence(
  tx: Tx,
  clinicId: string,
  instrument: string,
  reference: string,
  by: string | null,
  at: Date,
): Promise<void> {
  await tx
    .insert(instrumentLicences)
    .values({ id: uuidv7(at.getTime()), clinicId, instrument, reference, confirmedBy: by, confirmedAt: at });
}

const presentLicence = (l: Licence | undefined): LicenceView | null =>
  l ? { reference: l.reference, confirmedAt: l.confirmedAt.toISOString(), confirmedBy: l.confirmedBy } : null;

export function planRepository(db: Db, scope: Scope) {
  async function viewIn(tx: Executor): Promise<PlanView> {
    const plan = await planOf(tx, scope.clinicId);
    // The rows of a plan are written together: any one says when and by whom.
    const [last] = await tx
      .select({ at: planRows.updatedAt, by: staffUsers.name })
      .from(planRows)
      .leftJoin(staffUsers, eq(staffUsers.id, planRows.updatedBy))
      .where(whereClinic(planRows, scope))
      .orderBy(desc(planRows.updatedAt))
      .limit(1);
    return {
      timepoints: planTimepoints(plan).map((t) => ({
        timepoint: t,
        label: timepointLabel(t),
        instruments: [...(plan[t] ?? [])],
      })),
      updatedAt: last?.at.toISOString() ?? null,
      updatedBy: last?.by ?? null,
    };
  }

  async function catalogueIn(tx: Executor): Promise<Catalogue> {
    const plan = await planOf(tx, scope.clinicId);
    const licences = await licencesOf(tx, scope.clinicId);
    const items = instruments.map(
      (d): CatalogueEntry => ({
        id: d.id,
        title: d.title,
        shortTitle: d.shortTitle,
        version: d.version,
        items: d.items.length,
        recallPeriod: d.recallPeriod,
        licence: { ...d.licence },
        confirmation: presentLicence(licences.get(d.id)),
        timepoints: planTimepoints(plan).filter((t) => plan[t]?.includes(d.id)),
      }),
    );
    return { items };
  }

  return {
    get: () => viewIn(db),
    catalogue: () => catalogueIn(db),

    /** Replaces the plan after checking it; refuses naming each bad field, writing nothing. */
    async update(input: Partial<Record<TimepointId, string[] | undefined>>): Promise<PlanView> {
      const plan: MeasurementPlan = Object.fromEntries(
        Object.entries(input).filter(([, v]) => v !== undefined),
      ) as MeasurementPlan;
      return inTx(db, async (tx) => {
        const confirmed = new Set((await licencesOf(tx, scope.clinicId)).keys());
        const issues = checkPlan(plan, confirmed);
        if (issues.length > 0) throw badRequest(issues);
        const before = await planOf(tx, scope.clinicId);
        await writePlan(tx, scope.clinicId, plan, scope.actor.id, scope.now());
        await audit(tx, scope, {
          action: "update",
          entityType: "measurement-plan",
          entityId: scope.clinicId,
          detail: { before, after: plan },
        });
        return viewIn(tx);
      });
    },

    /** An administrator confirms the clinic holds the licence of an instrument that needs one. */
    async confirmLicence(instrumentId: string, reference: string): Promise<CatalogueEntry> {
      const def = findInstrument(instrumentId);
      if (!def) throw notFound("questionnaire");
      if (!def.licence.agreementNeeded)
        throw badRequest(`${def.shortTitle} needs no licence agreement; there is nothing to confirm`, "id");
      return inTx(db, async (tx) => {
        await recordLicence(tx, scope.clinicId, def.id, reference, scope.actor.id, scope.now());
        await audit(tx, scope, {
          action: "confirm",
          entityType: "instrument-licence",
          entityId: def.id,
          detail: { instrument: def.id, reference, holder: def.licence.holder },
        });
        const entry = (await catalogueIn(tx)).items.find((i) => i.id === def.id);
        if (!entry) throw notFound("questionnaire");
        return entry;
      });
    },
  };
}

/** The instruments a new follow-up at `timepoint` asks under the clinic's plan now. */
export async function plannedInstruments(tx: Executor, clinicId: string, timepoint: TimepointId) {
  const plan = await planOf(tx, clinicId);
  return [...(plan[timepoint] ?? [])];
}
