/**
 * The demo's care after treatment, so the screens are not empty after `npm start`: a few weeks of
 * pain diary around the treatment for some recently treated patients (some taking opioids, their
 * MME worked out by the diary's own table), an MRI graded per level for most cell-therapy
 * candidates whose levels are known (for some a follow-up MRI too), now and then a
 * patient's problem report with the clinician task it opens, and one showcase patient whose
 * serious, unexpected adverse event was assessed by staff and has its expedited-reporting clock
 * running. Each value goes through the domain's own rules (MME, the imaging schema, the problem
 * report's advice, the reporting clock), so the rows are what the app itself would store.
 *
 * Drawn after everything else of a patient, so the earlier draws (and every demo figure they
 * make) do not depend on these.
 */
import { type IsoDate, treatmentKind } from "@evident/domain";
import {
  adviseOnProblem,
  type ProblemSymptom,
  problemSymptomLabels,
} from "@evident/domain/adverse-events/patient-report";
import { reportingClock } from "@evident/domain/adverse-events/rules";
import { ImagingCreate } from "@evident/domain/api";
import { mmeTableVersion, totalMme } from "@evident/domain/diary/mme";
import { DAY_MS, dayOf, isoDay, timeOfDay } from "./days";
import type { ClinicContext } from "./patient";
import type { Random } from "./random";
import type { DiaryRow, ImagingRow, RegistryRows, TreatmentRow } from "./rows";

export type CareExtrasInput = {
  patientId: string;
  givenName: string;
  familyName: string;
  levels: readonly string[];
  enrolDay: number;
  /** This patient's treatments, in date order. */
  treatments: readonly TreatmentRow[];
  /** The showcase: a serious, unexpected event after this patient's treatment, its clock running. */
  seriousUnexpectedEvent?: boolean;
  /** A problem reported yesterday, its task still open on the worklist. */
  openProblemReport?: boolean;
};

/** Share of patients treated in the last 4 months who keep a diary, and of those who take opioids. */
const DIARY_SHARE = 0.35;
const OPIOID_SHARE = 0.3;
/** Of opioid users, the share who stop after the treatment; of the others, who take a short course after it. */
const STOP_SHARE = 0.45;
const SHORT_COURSE_SHARE = 0.08;
/** Of patients with an MRI before a cell injection, the share with a follow-up MRI. */
const FOLLOW_UP_IMAGING_SHARE = 0.6;
/** Share of cell-therapy patients with an MRI graded per level before the injection. */
const IMAGING_SHARE = 0.7;
/** Share of patients who had a procedure in the last 2 months and report a problem. */
const PROBLEM_SHARE = 0.3;

const clamp = (x: number) => Math.max(0, Math.min(10, Math.round(x)));

export function addCareExtras(
  rng: Random,
  ctx: { todayDay: number; clinic: ClinicContext },
  out: RegistryRows,
  p: CareExtrasInput,
): void {
  const done = p.treatments.filter((t) => dayOf(t.treatmentDate) < ctx.todayDay);
  const last = done.at(-1);
  if (!last) return;
  const lastDay = dayOf(last.treatmentDate);
  const since = ctx.todayDay - lastDay;

  // The showcase patient has all of it, so one page shows every part.
  const all = p.seriousUnexpectedEvent === true;
  if (since <= 120 && (all || rng.chance(DIARY_SHARE))) diary(rng, ctx, out, p, lastDay);

  const cells = p.treatments.find((t) => treatmentKind(t.kind)?.category === "cell-therapy");
  if (cells && p.levels.length > 0 && (all || rng.chance(IMAGING_SHARE)))
    imaging(rng, ctx, out, p, dayOf(cells.treatmentDate));

  const procedure = treatmentKind(last.kind)?.category;
  const isProcedure = procedure === "injection" || procedure === "cell-therapy" || procedure === "surgery";
  if (p.openProblemReport && since >= 2) problemReport(rng, ctx, out, p, last, true);
  else if (isProcedure && since >= 3 && since <= 60 && rng.chance(PROBLEM_SHARE))
    problemReport(rng, ctx, out, p, last, false);

  if (p.seriousUnexpectedEvent) seriousUnexpected(rng, ctx, out, p, last);
}

/**
 * Most days from up to two weeks before the treatment (not before enrolment) until the patient
 * stops writing, three weeks to four months after it (or yesterday): pain easing slowly, with
 * day-to-day noise. Some take an opioid before the treatment, and of those some stop after it and
 * the others taper; now and then a patient not on one takes a few days of it after a procedure.
 * So the diary's opioid measures have baselines and follow-ups (ARCHITECTURE.md).
 */
function diary(
  rng: Random,
  ctx: { todayDay: number; clinic: ClinicContext },
  out: RegistryRows,
  p: CareExtrasInput,
  treatedDay: number,
): void {
  const first = Math.max(p.enrolDay, treatedDay - 14);
  const end = Math.min(ctx.todayDay, treatedDay + rng.int(21, 120));
  const back0 = rng.uniform(5, 7.5);
  const leg0 = rng.uniform(1, 5);
  const easing = rng.uniform(-0.02, 0.08); // points a day; some get a little worse
  const opioid =
    rng.chance(OPIOID_SHARE) &&
    rng.pick([
      { drug: "tramadol", dose: 50, dosesPerDay: rng.int(2, 4) },
      { drug: "oxycodone", dose: 5, dosesPerDay: rng.int(2, 4) },
      { drug: "codeine", dose: 30, dosesPerDay: rng.int(2, 4) },
    ]);
  // Days after the treatment on which an opioid user stops (if they do), or a non-user's short course ends.
  const stopsAfter = opioid ? (rng.chance(STOP_SHARE) ? rng.int(3, 60) : null) : 0;
  const shortCourse = !opioid && rng.chance(SHORT_COURSE_SHARE) ? rng.int(2, 6) : 0;
  for (let day = first; day < end; day++) {
    if (!rng.chance(0.85)) continue;
    const after = day - treatedDay;
    const medications: DiaryRow["medications"] = [];
    if (opioid && (stopsAfter === null || after < stopsAfter)) {
      // Tapering: fewer doses on later days for some.
      const doses = Math.max(1, opioid.dosesPerDay - (after > 14 && rng.chance(0.5) ? 1 : 0));
      medications.push({ ...opioid, dosesPerDay: doses });
    }
    if (after > 0 && after <= shortCourse) medications.push({ drug: "tramadol", dose: 50, dosesPerDay: 2 });
    if (rng.chance(0.3))
      medications.push({ drug: "other", name: "ibuprofen", dose: 400, dosesPerDay: rng.int(1, 3) });
    const at = day * DAY_MS + timeOfDay(rng, 18, 22);
    out.diary.push({
      id: rng.uuid(at),
      clinicId: ctx.clinic.id,
      patientId: p.patientId,
      entryDate: isoDay(day),
      backPain: clamp(back0 - easing * Math.max(0, after) + rng.normal(0, 0.8)),
      legPain: clamp(leg0 - (easing / 2) * Math.max(0, after) + rng.normal(0, 0.7)),
      medications,
      mme: totalMme(medications),
      mmeTable: mmeTableVersion,
      createdAt: at,
    });
  }
}

/**
 * An MRI 2 to 8 weeks before the cell injection, each of the episode's levels graded; for some,
 * a follow-up MRI inside the 12-month window (or the 6-month one, if 12 months have not passed),
 * each grade the same, one better or one worse, so imaging change per level has data.
 */
function imaging(
  rng: Random,
  ctx: { todayDay: number; clinic: ClinicContext },
  out: RegistryRows,
  p: CareExtrasInput,
  cellDay: number,
): void {
  const day = Math.min(ctx.todayDay - 1, Math.max(p.enrolDay - 30, cellDay - rng.int(14, 56)));
  const findings = p.levels.map((level) => {
    const pfirrmann = rng.int(3, 5);
    return {
      level,
      pfirrmann,
      discHeightPercent: Math.round(rng.uniform(95 - pfirrmann * 10, 115 - pfirrmann * 10)),
      modic: rng.chance(0.6) ? 0 : rng.int(1, 2),
    };
  });
  mri(rng, ctx, out, p, day, findings, "Outside MRI, graded at the evaluation visit.");
  const dueIn = [365, 182].find((d) => cellDay + d + 21 < ctx.todayDay);
  if (dueIn === undefined || !rng.chance(FOLLOW_UP_IMAGING_SHARE)) return;
  const later = findings.map((f) => {
    const pfirrmann = Math.min(5, Math.max(1, f.pfirrmann + rng.pick([-1, 0, 0, 0, 0, 1])));
    const height = f.discHeightPercent + rng.normal(-1, 3) - 4 * (pfirrmann - f.pfirrmann);
    return { ...f, pfirrmann, discHeightPercent: Math.round(Math.min(150, Math.max(0, height))) };
  });
  const followUpDay = cellDay + dueIn + rng.int(-20, 20);
  mri(rng, ctx, out, p, followUpDay, later, "Follow-up MRI after the cell injection.");
}

function mri(
  rng: Random,
  ctx: { clinic: ClinicContext },
  out: RegistryRows,
  p: CareExtrasInput,
  day: number,
  findings: ImagingRow["findings"],
  notes: string,
): void {
  // The app's own schema: a level once, a finding each, grades in range.
  const study = ImagingCreate.parse({ date: isoDay(day), modality: "mri", findings });
  const at = Math.max(day, p.enrolDay) * DAY_MS + timeOfDay(rng, 8, 18);
  out.imaging.push({
    id: rng.uuid(at),
    clinicId: ctx.clinic.id,
    patientId: p.patientId,
    studyDate: study.date,
    modality: study.modality,
    findings: study.findings,
    notes,
    recordedBy: ctx.clinic.clinicianId,
    createdAt: at,
  });
}

const reports: readonly { symptoms: ProblemSymptom[]; details: string }[] = [
  { symptoms: ["severe-pain-flare"], details: "Much worse since yesterday, hard to sleep" },
  { symptoms: ["site-redness-discharge"], details: "A red patch where the needle went in" },
  { symptoms: ["fever", "site-redness-discharge"], details: "38.2 °C this morning, the site is warm" },
  { symptoms: ["rash-allergic-reaction"], details: "Itchy rash on my arms" },
];

/** The patient's report, and the clinician task it opens (as the app's report route does). */
function problemReport(
  rng: Random,
  ctx: { todayDay: number; clinic: ClinicContext },
  out: RegistryRows,
  p: CareExtrasInput,
  last: TreatmentRow,
  yesterday: boolean,
): void {
  const lastDay = dayOf(last.treatmentDate);
  const day = yesterday
    ? ctx.todayDay - 1
    : rng.int(Math.max(lastDay + 2, ctx.todayDay - 6), ctx.todayDay - 1);
  const r = yesterday ? reports[0]! : rng.pick(reports);
  const onset = isoDay(Math.max(lastDay, day - rng.int(0, 2)));
  const advice = adviseOnProblem(r.symptoms, last.treatmentDate as IsoDate, isoDay(day) as IsoDate);
  const at = day * DAY_MS + timeOfDay(rng, 7, 21);
  const id = rng.uuid(at);
  const taskId = rng.uuid(at);
  const name = `${p.givenName} ${p.familyName}`;
  const what = r.symptoms.map((s) => problemSymptomLabels[s]).join("; ");
  // Reports older than three days were dealt with; the recent ones are still on the worklist.
  const handled = ctx.todayDay - day > 3;
  out.tasks.push({
    id: taskId,
    clinicId: ctx.clinic.id,
    patientId: p.patientId,
    kind: advice.urgent ? "urgent-problem-report" : "problem-report",
    title: advice.urgent ? `Urgent: call ${name} today` : `Review a problem report from ${name}`,
    detail: `${what} — "${r.details}". Since ${onset}. Last procedure: ${treatmentKind(last.kind)?.label ?? last.kind} on ${last.treatmentDate}. Record an adverse event if it is one.`,
    priority: advice.urgent ? "urgent" : "soon",
    dueAt: at + (advice.urgent ? 2 : 48) * 3_600_000,
    assignedRole: "clinician",
    sourceType: "problem-report",
    sourceId: id,
    dedupeKey: `problem-report:${id}`,
    createdAt: at,
    done: handled
      ? {
          at: at + rng.int(1, 20) * 3_600_000,
          by: ctx.clinic.clinicianId,
          note: "Called the patient: settling with rest and simple painkillers; to call back if worse.",
        }
      : null,
  });
  out.problemReports.push({
    id,
    clinicId: ctx.clinic.id,
    patientId: p.patientId,
    symptoms: r.symptoms,
    details: r.details,
    onsetDate: onset,
    treatmentId: last.id,
    urgent: advice.urgent,
    taskId,
    reportedAt: at,
  });
}

/**
 * The showcase event: a pulmonary embolism 6 days after the injection, admitted for treatment —
 * serious (hospitalisation), not a risk the consent lists, possibly related: a 15-day expedited
 * report from the day the clinic learned of it, still due.
 */
function seriousUnexpected(
  rng: Random,
  ctx: { todayDay: number; clinic: ClinicContext },
  out: RegistryRows,
  p: CareExtrasInput,
  last: TreatmentRow,
): void {
  const onsetDay = Math.min(ctx.todayDay - 2, dayOf(last.treatmentDate) + 6);
  const awareDay = onsetDay + 1;
  const seriousness = ["hospitalisation"] as const;
  const clock = reportingClock({
    seriousness: [...seriousness],
    expected: false,
    relatedness: "possible",
    awareDate: isoDay(awareDay) as IsoDate,
  });
  const at = awareDay * DAY_MS + timeOfDay(rng, 9, 17);
  out.adverseEvents.push({
    id: rng.uuid(at),
    clinicId: ctx.clinic.id,
    patientId: p.patientId,
    treatmentId: last.id,
    kind: "other",
    onsetDate: isoDay(onsetDay),
    severity: 3,
    serious: true,
    description:
      "Pulmonary embolism 6 days after the injection: short of breath, CT pulmonary angiogram positive. Admitted for anticoagulation.",
    createdAt: at,
    assessed: {
      seriousness,
      relatedness: "possible",
      expected: false,
      outcome: "recovering",
      actions: "Admitted; anticoagulation started. Expedited report being prepared.",
      awareDate: isoDay(awareDay),
      reportDueDate: clock.required ? clock.dueDate : null,
      recordedBy: ctx.clinic.clinicianId,
    },
  });
}
