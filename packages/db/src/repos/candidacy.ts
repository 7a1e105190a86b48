/**
 * Candidacy sign-offs: the server evaluates the facts with the current criteria (domain/candidacy),
 * taking the triage tier from the patient's own intakes rather than from the form, refuses a
 * result that still needs more information (422 naming each unknown criterion), and stores the
 * result as the clinician saw it, with who signed it and when, audited. The sign-offs' facts for
 * the candidacy gate of investigational treatments (`signOffFacts`) are read here too.
 */
import { type CitationKey, citations, localTime } from "@evident/domain";
import type { CandidacyView } from "@evident/domain/api";
import {
  assertSignable,
  type CandidacyInput,
  type CandidacyResult,
  evaluateCandidacy,
  type SignOffFacts,
} from "@evident/domain/candidacy";
import { and, desc, eq } from "drizzle-orm";
import type { Executor } from "../audit";
import type { Db } from "../connect";
import { uuidv7 } from "../ids";
import { staffUsers } from "../schema";
import { candidacyAssessments } from "../schema/candidacy";
import { whereClinic } from "../tenancy";
import { clinicTimeZone } from "./clinics";
import { pendingTriageTier } from "./intakes";
import { audit, auditedRead, inTx, patientInScope, type Scope } from "./scope";

type Row = typeof candidacyAssessments.$inferSelect;

function present(row: Row, signerName: string | null, timeZone: string): CandidacyView {
  const result = row.result as unknown as CandidacyResult;
  return {
    id: row.id,
    criteriaVersion: row.criteriaVersion,
    outcome: row.outcome,
    criteria: result.criteria.map((c) => ({
      ...c,
      source: c.source.map((key: CitationKey) => ({ key, label: citations[key]?.text ?? key })),
    })),
    input: row.input,
    note: row.note,
    signedBy: { id: row.signedBy, name: signerName ?? "" },
    signedAt: row.signedAt.toISOString(),
    signedOn: localTime(row.signedAt, timeZone).date,
  };
}

/** The patient's sign-offs as the candidacy gate reads them (dates in the clinic's time zone). */
export async function signOffFacts(
  tx: Executor,
  clinicId: string,
  patientId: string,
): Promise<SignOffFacts[]> {
  const timeZone = await clinicTimeZone(tx, clinicId);
  const rows = await tx
    .select({
      id: candidacyAssessments.id,
      outcome: candidacyAssessments.outcome,
      criteriaVersion: candidacyAssessments.criteriaVersion,
      signedAt: candidacyAssessments.signedAt,
    })
    .from(candidacyAssessments)
    .where(and(eq(candidacyAssessments.clinicId, clinicId), eq(candidacyAssessments.patientId, patientId)));
  return rows.map(({ signedAt, ...r }) => ({ ...r, signedOn: localTime(signedAt, timeZone).date }));
}

export function candidacyRepository(db: Db, scope: Scope) {
  async function list(patientId: string): Promise<CandidacyView[]> {
    return auditedRead(
      db,
      scope,
      async (tx) => {
        await patientInScope(tx, scope, patientId);
        const timeZone = await clinicTimeZone(tx, scope.clinicId);
        const rows = await tx
          .select({ a: candidacyAssessments, name: staffUsers.name })
          .from(candidacyAssessments)
          .leftJoin(staffUsers, eq(staffUsers.id, candidacyAssessments.signedBy))
          .where(and(whereClinic(candidacyAssessments, scope), eq(candidacyAssessments.patientId, patientId)))
          .orderBy(desc(candidacyAssessments.signedAt), desc(candidacyAssessments.id));
        return rows.map((r) => present(r.a, r.name, timeZone));
      },
      (items) => ({
        action: "read",
        entityType: "candidacy",
        patientId,
        detail: { assessments: items.map((i) => i.id) },
      }),
    );
  }

  async function signOff(
    patientId: string,
    input: Omit<CandidacyInput, "triageTier">,
    note: string | undefined,
  ): Promise<CandidacyView> {
    return inTx(db, async (tx) => {
      await patientInScope(tx, scope, patientId, { lock: true });
      const facts: CandidacyInput = {
        ...input,
        triageTier: await pendingTriageTier(tx, scope.clinicId, patientId),
      };
      const result = evaluateCandidacy(facts);
      assertSignable(result);
      const id = uuidv7();
      const [row] = await tx
        .insert(candidacyAssessments)
        .values({
          id,
          clinicId: scope.clinicId,
          patientId,
          input: facts as Record<string, unknown>,
          criteriaVersion: result.criteriaVersion,
          outcome: result.outcome,
          result: result as unknown as Record<string, unknown>,
          note: note ?? null,
          signedBy: scope.actor.id,
          signedAt: scope.now(),
        })
        .returning();
      await audit(tx, scope, {
        action: "sign-off",
        entityType: "candidacy",
        entityId: id,
        patientId,
        detail: {
          outcome: result.outcome,
          criteriaVersion: result.criteriaVersion,
          unmet: result.unmet,
          unknown: result.unknown,
        },
      });
      const [me] = await tx
        .select({ name: staffUsers.name })
        .from(staffUsers)
        .where(eq(staffUsers.id, scope.actor.id));
      return present(row!, me?.name ?? null, await clinicTimeZone(tx, scope.clinicId));
    });
  }

  return { list, signOff };
}
