/**
 * Candidacy for the demo's cell therapies and PRP, as the app's candidacy gate asks
 * (domain/candidacy/gate.ts): the clinician assessed the patient a week or so before the
 * injection (after the safety questions were reviewed), and the real checklist judged the
 * patient's own facts — the episode's condition and levels, the months of pain, the baseline back
 * pain and Oswestry score, and the triage. What the demo does not model (conservative care tried,
 * imaging grade, a medial branch block, contraindications) is entered as the trials' usual
 * patient would have it, except where the condition says otherwise (sciatica and stenosis give
 * radicular leg pain, stenosis is itself an exclusion, facet pain is not excluded in facet
 * arthropathy). An eligible sign-off is what the treatment rests on; otherwise the clinician
 * recorded it with an override and a reason, as a clinic treating outside the trial criteria
 * must — so the demo shows how often that happens. An assessment that would still need more
 * information is never signed (the app refuses it); its treatment carries the override alone.
 *
 * Pure, and drawn last of a patient (only the assessment's id is random), so no other demo figure
 * moves.
 */
import { isInvestigational, localTime, type SpinalLevel } from "@evident/domain";
import {
  type CandidacyInput,
  candidacyGate,
  contraindicationIds,
  evaluateCandidacy,
  type SignOffFacts,
} from "@evident/domain/candidacy";
import { DAY_MS, dayOf } from "./days";
import type { ClinicContext } from "./patient";
import type { Random } from "./random";
import type { CandidacyRow, EpisodeRow, IntakeRow, RegistryRows, TreatmentRow } from "./rows";

/** The assessment comes this long before the injection, and never before the intake's review. */
const DAYS_BEFORE = 10;
const AFTER_REVIEW_MS = 30 * 60_000;
const MONTH_DAYS = 30.44;

function facts(
  episode: EpisodeRow,
  intake: IntakeRow,
  baseline: { nrs: number | null; odi: number | null },
  signedDay: number,
): CandidacyInput {
  const c = episode.condition;
  const weeksAtIntake = Number(intake.answers.painDurationWeeks);
  const months = episode.onsetDate
    ? (signedDay - dayOf(episode.onsetDate)) / MONTH_DAYS
    : (weeksAtIntake * 7 + signedDay - Math.floor(intake.submittedAt / DAY_MS)) / MONTH_DAYS;
  return {
    condition: c as CandidacyInput["condition"],
    symptomDurationMonths: Math.floor(months),
    conservativeCare: { tried: true, months: 6, supervisedPhysiotherapy: true },
    baseline: { backPainVasMm: null, backPainNrs: baseline.nrs, odi: baseline.odi },
    legPain:
      c === "disc_herniation_sciatica" || c === "spinal_stenosis" ? "radicular-or-predominant" : "none",
    facetPainExcludedByBlock: c !== "facet_arthropathy",
    imaging: {
      pfirrmannGrade: 4,
      discHeightRetainedPercent: 70,
      levels: [...episode.spinalLevels] as SpinalLevel[],
    },
    contraindications: Object.fromEntries(
      contraindicationIds.map((id) => [id, id === "symptomaticStenosis" && c === "spinal_stenosis"]),
    ),
    triageTier: intake.tier === "none" || intake.reviewedAt !== null ? "none" : intake.tier,
  };
}

export function addCandidacy(
  rng: Random,
  ctx: { clinic: ClinicContext },
  out: RegistryRows,
  p: {
    episode: EpisodeRow;
    intake: IntakeRow;
    treatments: readonly TreatmentRow[];
    baseline: { nrs: number | null; odi: number | null };
  },
): void {
  const clinician = { id: ctx.clinic.clinicianId, name: ctx.clinic.clinicianName };
  for (const t of p.treatments) {
    if (!isInvestigational(t.kind)) continue;
    const reviewed = (p.intake.reviewedAt ?? p.intake.submittedAt) + AFTER_REVIEW_MS;
    const signedAt = Math.max(reviewed, t.createdAt - DAYS_BEFORE * DAY_MS);
    const input = facts(p.episode, p.intake, p.baseline, Math.floor(signedAt / DAY_MS));
    const result = evaluateCandidacy(input);
    const signOffs: SignOffFacts[] = [];
    // The app signs no assessment while any criterion still needs more information.
    if (result.unknown.length === 0) {
      const row: CandidacyRow = {
        id: rng.uuid(signedAt),
        clinicId: ctx.clinic.id,
        patientId: p.episode.patientId,
        input,
        criteriaVersion: result.criteriaVersion,
        outcome: result.outcome,
        result,
        signedBy: clinician.id,
        signedAt,
      };
      out.candidacy.push(row);
      signOffs.push({
        id: row.id,
        outcome: result.outcome,
        criteriaVersion: result.criteriaVersion,
        signedOn: localTime(new Date(signedAt), ctx.clinic.timeZone).date,
      });
    }
    const verdict = candidacyGate(t.kind, t.treatmentDate, signOffs);
    t.candidacy =
      verdict.status === "passed"
        ? {
            basis: "assessment",
            assessmentId: verdict.signOff.id,
            signedOn: verdict.signOff.signedOn,
            signedBy: clinician,
            criteriaVersion: verdict.signOff.criteriaVersion,
          }
        : {
            basis: "override",
            reason: `${
              result.outcome === "not-eligible"
                ? `Outside the trial criteria (${result.unmet.join(", ")})`
                : `Assessment incomplete (${result.unknown.join(", ")})`
            }; given at the patient's informed request after the consent discussion`,
            by: clinician,
            at: new Date(t.createdAt).toISOString(),
            refusal: verdict.status === "refused" ? verdict.message : "",
            assessmentId: signOffs[0]?.id ?? null,
          };
  }
}
