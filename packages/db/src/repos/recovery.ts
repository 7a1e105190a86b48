/**
 * The patient's recovery timeline (portal): the latest treatment, its phases (domain content),
 * the follow-ups due, the patient's own back pain at each timepoint, and the typical course of
 * registry patients given the same kind of treatment, pooled across clinics as medians and
 * quartiles, each only from 5 or more patients (the small-cell rule), so no one is identifiable;
 * and an exercise or therapy programme with the sessions logged against it (programme.ts).
 */
import {
  type CitationKey,
  citations,
  notFound,
  timepointIds,
  toIsoDate,
  treatmentKind,
} from "@evident/domain";
import type { RecoveryView } from "@evident/domain/api";
import { currentPhase, recoveryPhases } from "@evident/domain/pathway/recovery";
import { and, asc, desc, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "../connect";
import { followUps, questionnaireResponses, treatments } from "../schema";
import { lateBaseline } from "./outcome-sql";
import { baselineTiming, presentFollowUp } from "./patients";
import { programmeOf } from "./programme";
import { auditedRead, type Scope } from "./scope";

const MIN_CELL = 5;

export async function recoveryTimeline(db: Db, scope: Scope): Promise<RecoveryView> {
  const patientId = scope.patientId;
  if (!patientId) throw notFound("patient");
  const today = toIsoDate(scope.now());
  return auditedRead(
    db,
    scope,
    async (tx) => {
      const [t] = await tx
        .select()
        .from(treatments)
        .where(and(eq(treatments.clinicId, scope.clinicId), eq(treatments.patientId, patientId)))
        .orderBy(desc(treatments.treatmentDate))
        .limit(1);
      const fus = await tx
        .select()
        .from(followUps)
        .where(and(eq(followUps.clinicId, scope.clinicId), eq(followUps.patientId, patientId)))
        .orderBy(asc(followUps.dueDate));
      const timing = await baselineTiming(tx, scope.clinicId, patientId, scope.now());
      const due = fus.map((f) => presentFollowUp(f, today, timing)).filter((f) => f.status === "open");
      const programme = await programmeOf(tx, scope, patientId);
      if (!t)
        return {
          treatment: null,
          day: null,
          phases: [],
          currentPhaseId: null,
          due,
          own: [],
          typical: [],
          programme,
        };
      const info = treatmentKind(t.kind);
      const category = info?.category ?? "other";
      const phases = recoveryPhases(t.kind);
      const mine = fus.filter(
        (f) => f.treatmentId === t.id || (f.timepoint === "baseline" && f.episodeId === t.episodeId),
      );
      const ownRows = await tx
        .select({ followUpId: questionnaireResponses.followUpId, score: questionnaireResponses.score })
        .from(questionnaireResponses)
        .where(
          and(
            eq(questionnaireResponses.clinicId, scope.clinicId),
            eq(questionnaireResponses.patientId, patientId),
            eq(questionnaireResponses.instrument, "nrs_back"),
            isNull(questionnaireResponses.supersededAt),
            // A late baseline was answered after treatment: it is no "before" point.
            sql`not ${lateBaseline("questionnaire_responses")}`,
          ),
        );
      const own = mine.flatMap((f) => {
        const r = ownRows.find((x) => x.followUpId === f.id && typeof x.score === "number");
        return r ? [{ timepoint: f.timepoint, score: r.score as number }] : [];
      });
      const typicalRows = await tx.execute<{
        timepoint: string;
        n: number;
        median: number;
        q1: number;
        q3: number;
      }>(sql`
        select r.timepoint, count(*)::int as n,
               percentile_cont(0.5) within group (order by (r.score #>> '{}')::float) as median,
               percentile_cont(0.25) within group (order by (r.score #>> '{}')::float) as q1,
               percentile_cont(0.75) within group (order by (r.score #>> '{}')::float) as q3
          from ${questionnaireResponses} r
          join ${followUps} f on f.id = r.follow_up_id
         where r.instrument = 'nrs_back' and r.superseded_at is null and jsonb_typeof(r.score) = 'number'
           and not ${lateBaseline()}
           and (exists (select 1 from ${treatments} x where x.id = f.treatment_id and x.kind = ${t.kind})
                or (f.timepoint = 'baseline'
                    and exists (select 1 from ${treatments} x where x.episode_id = f.episode_id and x.kind = ${t.kind})))
         group by r.timepoint`);
      const order = (tp: string) => timepointIds.indexOf(tp as never);
      const typical = typicalRows.rows
        .filter((r) => r.n >= MIN_CELL)
        .map((r) => ({ timepoint: r.timepoint, n: r.n, median: r.median, q1: r.q1, q3: r.q3 }))
        .sort((a, b) => order(a.timepoint) - order(b.timepoint));
      return {
        treatment: { id: t.id, kind: t.kind, label: info?.label ?? t.kind, date: t.treatmentDate, category },
        day: Math.round((Date.parse(today) - Date.parse(t.treatmentDate)) / 86_400_000),
        phases: phases.map((p) => ({
          ...p,
          tasks: [...p.tasks],
          sources: p.sources.map((k: CitationKey) => ({ key: k, text: citations[k].text })),
        })),
        currentPhaseId: currentPhase(phases, t.treatmentDate, today)?.id ?? null,
        due,
        own: own.sort((a, b) => order(a.timepoint) - order(b.timepoint)),
        typical,
        programme,
      };
    },
    () => ({ action: "read", entityType: "recovery-timeline", patientId }),
  );
}
