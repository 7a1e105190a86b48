/**
 * What patients consented to (schema/consent.ts): signing in the portal (after the teach-back for
 * a procedure consent, with the typed name and confirmation; the document's id, version, hash and
 * language kept with the signature), a paper consent recorded by staff with its witness, and
 * withdrawal. Withdrawing story consent withdraws the patient's stories at once (./stories).
 * Withdrawing research consent queues the patient's summary slices, so pooled figures
 * are recomputed without them (./research-consent-sql) while the clinic's own keep them.
 * Every write and read is audited.
 */
import { badRequest, conflict, localTime, notFound, toIsoDate, unprocessable } from "@evident/domain";
import type { ConsentSign, ConsentView, PaperConsent, PatientConsents } from "@evident/domain/api";
import { type ConsentLanguage, checkTeachBack, type SignedConsentFacts } from "@evident/domain/consent";
import { and, asc, eq, sql } from "drizzle-orm";
import type { Executor } from "../audit";
import type { Db } from "../connect";
import { uuidv7 } from "../ids";
import { staffUsers } from "../schema";
import { consentDocuments, consents } from "../schema/consent";
import { summaryDirty } from "../schema/summaries";
import { whereClinic } from "../tenancy";
import { clinicTimeZone } from "./clinics";
import { currentDocuments, currentVersion, presentDocument } from "./consent-documents";
import { audit, auditedRead, inTx, patientInScope, type Scope, type Tx } from "./scope";
import { withdrawStories } from "./stories";

type ConsentRow = typeof consents.$inferSelect;

/** The patient's consents, oldest first, with whether each is of the version now current. */
async function consentsOf(tx: Executor, clinicId: string, patientId: string): Promise<PatientConsents> {
  const rows = await tx
    .select({ c: consents, recorder: staffUsers.name })
    .from(consents)
    .leftJoin(staffUsers, eq(staffUsers.id, consents.recordedBy))
    .where(and(eq(consents.clinicId, clinicId), eq(consents.patientId, patientId)))
    .orderBy(asc(consents.signedAt), asc(consents.id));
  const timeZone = await clinicTimeZone(tx, clinicId);
  const latest = new Map<string, number>();
  for (const d of await currentDocuments(tx, clinicId))
    latest.set(
      `${d.purpose} ${d.treatmentKind ?? ""}`,
      Math.max(d.version, latest.get(`${d.purpose} ${d.treatmentKind ?? ""}`) ?? 0),
    );
  const present = ({ c, recorder }: { c: ConsentRow; recorder: string | null }): ConsentView => ({
    id: c.id,
    documentId: c.documentId,
    purpose: c.purpose,
    treatmentKind: c.treatmentKind,
    version: c.version,
    language: c.language,
    sha256: c.sha256,
    method: c.method,
    typedName: c.typedName,
    witnessName: c.witnessName,
    recordedBy: c.recordedBy ? { id: c.recordedBy, name: recorder ?? "" } : null,
    signedAt: c.signedAt.toISOString(),
    signedOn: localTime(c.signedAt, timeZone).date,
    withdrawnAt: c.withdrawnAt?.toISOString() ?? null,
    current: latest.get(`${c.purpose} ${c.treatmentKind ?? ""}`) === c.version,
  });
  const list = rows.map(present);
  const research = list.filter((c) => c.purpose === "research").at(-1);
  return { consents: list, researchWithdrawn: research?.withdrawnAt != null };
}

/** The consent gate's facts (consent/gate.ts): each signature with its date in the clinic's time zone. */
export async function signedConsentFacts(
  tx: Executor,
  clinicId: string,
  patientId: string,
): Promise<SignedConsentFacts[]> {
  const timeZone = await clinicTimeZone(tx, clinicId);
  const rows = await tx
    .select()
    .from(consents)
    .where(and(eq(consents.clinicId, clinicId), eq(consents.patientId, patientId)));
  return rows.map((c) => ({
    id: c.id,
    purpose: c.purpose,
    treatmentKind: c.treatmentKind,
    version: c.version,
    method: c.method,
    signedOn: localTime(c.signedAt, timeZone).date,
    withdrawn: c.withdrawnAt !== null,
  }));
}

const accentless = (s: string) =>
  s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/\s+/g, " ").trim();

export function consentRepository(db: Db, scope: Scope) {
  /** The document a signature is for: the clinic's, and its current version (else 409). */
  async function signable(tx: Tx, documentId: string) {
    const [d] = await tx
      .select()
      .from(consentDocuments)
      .where(and(whereClinic(consentDocuments, scope), eq(consentDocuments.id, documentId)));
    if (!d) throw badRequest("is not one of this clinic's consent documents", "documentId");
    const current = await currentVersion(tx, scope.clinicId, d.purpose, d.treatmentKind);
    if (current !== d.version)
      throw conflict(
        `this document was replaced by version ${current}; read the current version and sign that`,
        "documentId",
      );
    return d;
  }

  async function insert(
    tx: Tx,
    patientId: string,
    values: Omit<
      typeof consents.$inferInsert,
      | "id"
      | "clinicId"
      | "patientId"
      | "documentId"
      | "purpose"
      | "treatmentKind"
      | "version"
      | "language"
      | "sha256"
    >,
    d: typeof consentDocuments.$inferSelect,
  ) {
    const open = await tx
      .select({ id: consents.id })
      .from(consents)
      .where(
        and(
          whereClinic(consents, scope),
          eq(consents.patientId, patientId),
          eq(consents.documentId, d.id),
          sql`${consents.withdrawnAt} is null`,
        ),
      );
    if (open.length > 0) throw conflict("is already signed, and not withdrawn", "documentId");
    const id = uuidv7();
    await tx.insert(consents).values({
      id,
      clinicId: scope.clinicId,
      patientId,
      documentId: d.id,
      purpose: d.purpose,
      treatmentKind: d.treatmentKind,
      version: d.version,
      language: d.language,
      sha256: d.sha256,
      ...values,
    });
    await audit(tx, scope, {
      action: "sign",
      entityType: "consent",
      entityId: id,
      patientId,
      detail: {
        method: values.method,
        documentId: d.id,
        purpose: d.purpose,
        treatmentKind: d.treatmentKind,
        version: d.version,
        language: d.language,
        sha256: d.sha256,
        ...(values.witnessName ? { witnessName: values.witnessName } : {}),
        ...(values.teachBackRounds ? { teachBackRounds: values.teachBackRounds } : {}),
      },
    });
    return consentsOf(tx, scope.clinicId, patientId);
  }

  /** The patient signs in the portal (scope is the patient's). */
  async function sign(patientId: string, input: ConsentSign): Promise<PatientConsents> {
    return inTx(db, async (tx) => {
      const patient = await patientInScope(tx, scope, patientId, { lock: true });
      const d = await signable(tx, input.documentId);
      if (d.purpose === "procedure") {
        const check = checkTeachBack(
          d.treatmentKind ?? "",
          d.language as ConsentLanguage,
          input.answers ?? {},
        );
        if (!check.allRight)
          throw unprocessable(
            check.wrong.map((w) => ({ path: `answers.${w.id}`, message: w.explanation })),
            "Answer the three questions right before you sign",
          );
      }
      const typed = accentless(input.typedName);
      if (!typed.includes(accentless(patient.familyName)))
        throw badRequest(
          `must be your full name, as the clinic has it (${patient.givenName} ${patient.familyName})`,
          "typedName",
        );
      return insert(
        tx,
        patientId,
        {
          method: "portal",
          typedName: input.typedName.trim(),
          teachBackRounds: d.purpose === "procedure" ? (input.teachBackRounds ?? 1) : null,
          signedAt: scope.now(),
        },
        d,
      );
    });
  }

  /** Staff record a consent signed on paper, with who witnessed it. */
  async function recordPaper(patientId: string, input: PaperConsent): Promise<PatientConsents> {
    return inTx(db, async (tx) => {
      await patientInScope(tx, scope, patientId, { lock: true });
      const timeZone = await clinicTimeZone(tx, scope.clinicId);
      const today = localTime(scope.now(), timeZone).date;
      if (input.signedOn > today) throw badRequest("cannot be in the future", "signedOn");
      const d = await signable(tx, input.documentId);
      return insert(
        tx,
        patientId,
        {
          method: "paper",
          witnessName: input.witnessName.trim(),
          recordedBy: scope.actor.id,
          signedAt: input.signedOn === today ? scope.now() : new Date(`${input.signedOn}T12:00:00Z`),
        },
        d,
      );
    });
  }

  /**
   * Withdraws one of the patient's consents. Research consent: the patient's treatments' slices
   * are queued, so the next refresh leaves them out of pooled figures.
   */
  async function withdraw(patientId: string, consentId: string): Promise<PatientConsents> {
    return inTx(db, async (tx) => {
      await patientInScope(tx, scope, patientId, { lock: true });
      const [c] = await tx
        .select()
        .from(consents)
        .where(
          and(whereClinic(consents, scope), eq(consents.patientId, patientId), eq(consents.id, consentId)),
        )
        .for("update");
      if (!c) throw notFound("consent");
      if (c.withdrawnAt) throw conflict(`was already withdrawn on ${toIsoDate(c.withdrawnAt)}`, "consentId");
      await tx.update(consents).set({ withdrawnAt: scope.now() }).where(eq(consents.id, c.id));
      let queued = 0;
      if (c.purpose === "research") {
        const kinds = await tx.execute<{ kind: string }>(
          sql`select distinct t.kind from treatments t where t.clinic_id = ${scope.clinicId} and t.patient_id = ${patientId}`,
        );
        queued = kinds.rows.length;
        if (queued > 0)
          await tx
            .insert(summaryDirty)
            .values(kinds.rows.map((r) => ({ clinicId: scope.clinicId, kind: r.kind })));
      }
      // Story consent: the patient's stories are withdrawn in this transaction, so none is shown
      // or served from the moment the withdrawal is committed.
      const storiesWithdrawn = c.purpose === "story" ? await withdrawStories(tx, scope, patientId, c.id) : 0;
      await audit(tx, scope, {
        action: "withdraw",
        entityType: "consent",
        entityId: c.id,
        patientId,
        detail: {
          purpose: c.purpose,
          treatmentKind: c.treatmentKind,
          version: c.version,
          summarySlicesQueued: queued,
          ...(c.purpose === "story" ? { storiesWithdrawn } : {}),
        },
      });
      return consentsOf(tx, scope.clinicId, patientId);
    });
  }

  async function list(patientId: string): Promise<PatientConsents> {
    return auditedRead(
      db,
      scope,
      async (tx) => {
        await patientInScope(tx, scope, patientId);
        return consentsOf(tx, scope.clinicId, patientId);
      },
      () => ({ action: "read", entityType: "consents", patientId }),
    );
  }

  /** The portal's page: the clinic's current documents in the patient's language, and the patient's consents. */
  async function portal(patientId: string, language: ConsentLanguage) {
    return auditedRead(
      db,
      scope,
      async (tx) => {
        await patientInScope(tx, scope, patientId);
        const documents = (await currentDocuments(tx, scope.clinicId, language)).map(presentDocument);
        return { documents, ...(await consentsOf(tx, scope.clinicId, patientId)) };
      },
      () => ({ action: "read", entityType: "consents", patientId }),
    );
  }

  return { sign, recordPaper, withdraw, list, portal };
}
