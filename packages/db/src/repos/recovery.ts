/**
 * The patient's recovery timeline (portal): the latest treatment, its phases (domain content),
 * the follow-ups due, the patient's own back pain at each timepoint, and the typical course of this
 * clinic's patients who had the same kind of treatment and were like this patient before it
 * (domain/evidence/typical-course: the decision aid's matching, shown only where 30 or more
 * answered); and an exercise or therapy programme with the sessions logged against it
 * (programme.ts).
 */
import {
  type CitationKey,
  citations,
  notFound,
  timepointIds,
  toIsoDate,
  treatmentKind,
  withEmergencyNumber,
} from "@evident/domain";
import { REGISTRY_MINIMUM, type RecoveryView } from "@evident/domain/api";
import { comparableCriteria, criterionWords, typicalCourse } from "@evident/domain/evidence";
import { currentPhase, recoveryPhases } from "@evident/domain/pathway/recovery";
import { and, asc, desc, eq, isNull, sql } from "drizzle-orm";
import type { Executor } from "../audit";
import type { Db } from "../connect";
import { followUps, questionnaireResponses, treatments } from "../schema";
import { whereClinic } from "../tenancy";
import { clinicEmergencyNumber } from "./clinics";
import { lateBaseline } from "./outcome-sql";
import { baselineTiming, presentFollowUp } from "./patients";
import { programmeOf } from "./programme";
import { registryCases } from "./registry-cases";
import { auditedRead, type Scope } from "./scope";

/** The typical course for the patient's treatment `t` (see the top), with the "like you" criteria in words. */
export async function typicalFor(
  tx: Executor,
  scope: Scope,
  t: { id: string; kind: string },
  today: string,
  lang: "en" | "es",
): Promise<RecoveryView["typical"]> {
  const cases = await registryCases(tx, scope.clinicId, {
    today,
    timepoints: timepointIds.filter((tp) => tp !== "baseline"),
    kinds: [t.kind],
  });
  const profile = cases.find((c) => c.treatmentId === t.id)?.baseline ?? null;
  const course = typicalCourse(
    profile,
    { treatmentId: t.id, treatmentKind: t.kind },
    cases,
    timepointIds,
    REGISTRY_MINIMUM,
  );
  return {
    ...course,
    criteria: profile
      ? comparableCriteria
          .filter((k) => course.criteria.includes(k.id))
          .map((k) => ({ id: k.id, words: criterionWords(k, profile, true, lang) }))
      : [],
  };
}

export async function recoveryTimeline(
  db: Db,
  scope: Scope,
  lang: "en" | "es" = "en",
): Promise<RecoveryView> {
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
        .where(and(whereClinic(treatments, scope), eq(treatments.patientId, patientId)))
        .orderBy(desc(treatments.treatmentDate))
        .limit(1);
      const fus = await tx
        .select()
        .from(followUps)
        .where(and(whereClinic(followUps, scope), eq(followUps.patientId, patientId)))
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
          typical: null,
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
            whereClinic(questionnaireResponses, scope),
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
      const order = (tp: string) => timepointIds.indexOf(tp as never);
      const typical = await typicalFor(tx, scope, t, today, lang);
      return {
        treatment: { id: t.id, kind: t.kind, label: info?.label ?? t.kind, date: t.treatmentDate, category },
        day: Math.round((Date.parse(today) - Date.parse(t.treatmentDate)) / 86_400_000),
        // The warnings name the clinic's emergency number (the Spanish words are filled in the portal).
        phases: withEmergencyNumber(
          phases.map((p) => ({
            ...p,
            tasks: [...p.tasks],
            sources: p.sources.map((k: CitationKey) => ({ key: k, text: citations[k].text })),
          })),
          await clinicEmergencyNumber(tx, scope.clinicId),
        ),
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
