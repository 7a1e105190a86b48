import { describe, expect, it } from "vitest";
import { scheduleFollowUps } from "../pathway/schedule";
import { checkPatient, type QualityPatient } from "./check";
import { qualityRuleIds } from "./rules";

const TODAY = "2026-03-02";
const ctx = { today: TODAY, timeZone: "UTC" };
const at = (date: string, time = "09:00:00") => new Date(`${date}T${time}Z`);
const odi = (v: number | null) =>
  Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`odi_${i + 1}`, v]));

/** Treated 2026-02-16 with a baseline the day before and the 2-week answers today: nothing wrong. */
function clean(): QualityPatient {
  const [twoWeeks] = scheduleFollowUps("2026-02-16", ["2w"]);
  if (!twoWeeks) throw new Error("no 2w");
  const answer = (id: string, followUpId: string, timepoint: string, day: string, score: number) => ({
    id,
    episodeId: "e1",
    followUpId,
    instrument: "odi",
    timepoint,
    answers: odi(score / 10),
    score,
    completedAt: at(day),
    superseded: false,
  });
  return {
    id: "p1",
    birthDate: "1970-05-01",
    episodes: [{ id: "e1", onsetDate: "2025-06-01" }],
    treatments: [
      { id: "t1", episodeId: "e1", kind: "medication", date: "2026-02-16", recordedAt: at("2026-02-16") },
    ],
    followUps: [
      {
        id: "fb",
        treatmentId: null,
        timepoint: "baseline",
        windowStart: "2026-02-15",
        windowEnd: "2026-02-16",
        completedAt: at("2026-02-15"),
        cancelledAt: null,
        contacted: false,
      },
      {
        id: "f2w",
        treatmentId: "t1",
        ...twoWeeks,
        completedAt: at(TODAY),
        cancelledAt: null,
        contacted: true,
      },
    ],
    responses: [answer("rb", "fb", "baseline", "2026-02-15", 40), answer("r2w", "f2w", "2w", TODAY, 30)],
  };
}

const rulesOf = (p: QualityPatient) => checkPatient(p, ctx).map((f) => `${f.rule}:${f.recordId}`);

describe("the data-quality rules on one patient", () => {
  it("find nothing in a clean record", () => {
    expect(checkPatient(clean(), ctx)).toEqual([]);
  });

  it("name a required question left blank, but not ODI section 8, which may be skipped", () => {
    const p = clean();
    const r = p.responses[0]!;
    const skipped8 = { ...p, responses: [{ ...r, answers: { ...r.answers, odi_8: null } }, p.responses[1]!] };
    expect(rulesOf(skipped8)).toEqual([]);
    const blank3 = { ...p, responses: [{ ...r, answers: { ...r.answers, odi_3: null } }, p.responses[1]!] };
    expect(checkPatient(blank3, ctx)).toEqual([
      expect.objectContaining({
        rule: "missing-required-answers",
        recordId: "rb",
        note: "ODI at baseline on 2026-02-15: 1 of 10 questions unanswered",
      }),
    ]);
  });

  it("ignore an answer set a correction superseded", () => {
    const p = clean();
    const old = { ...p.responses[0]!, id: "old", answers: odi(null), superseded: true };
    expect(rulesOf({ ...p, responses: [old, ...p.responses] })).toEqual([]);
  });

  it("flag a baseline given after the first treatment day, and the treatment it then leaves without one", () => {
    const p = clean();
    const late = { ...p.responses[0]!, completedAt: at("2026-02-17") };
    expect(rulesOf({ ...p, responses: [late, p.responses[1]!] })).toEqual([
      "baseline-after-treatment:rb",
      "treatment-without-baseline:t1",
    ]);
  });

  it("flag a follow-up answer given outside its window", () => {
    const p = clean();
    const early = { ...p.responses[1]!, completedAt: at("2026-02-20") };
    expect(rulesOf({ ...p, responses: [p.responses[0]!, early] })).toEqual(["answer-outside-window:r2w"]);
  });

  it("flag the second current answer to one questionnaire at one follow-up", () => {
    const p = clean();
    const again = { ...p.responses[1]!, id: "r2w-again", completedAt: at(TODAY, "10:00:00") };
    expect(rulesOf({ ...p, responses: [...p.responses, again] })).toEqual(["duplicate-answers:r2w-again"]);
  });

  it("flag a change of 90% of the range or more, and a score outside the range, but not 80%", () => {
    const p = clean();
    const withScore = (score: number) => ({ ...p.responses[1]!, score });
    const b = { ...p.responses[0]!, score: 95 };
    expect(rulesOf({ ...p, responses: [b, withScore(5)] })).toEqual(["implausible-change:r2w"]);
    expect(rulesOf({ ...p, responses: [b, withScore(15)] })).toEqual([]);
    expect(rulesOf({ ...p, responses: [b, withScore(120)] })).toEqual(["implausible-change:r2w"]);
  });

  it("flag a treatment whose only earlier answer is older than 180 days", () => {
    const p = clean();
    const old = { ...p.responses[0]!, completedAt: at("2025-08-01") };
    expect(rulesOf({ ...p, responses: [old, p.responses[1]!] })).toEqual(["treatment-without-baseline:t1"]);
  });

  it("flag a birth after treatment and an operation dated before the treatment it was recorded to follow", () => {
    const p = clean();
    expect(rulesOf({ ...p, birthDate: "2026-03-01" })).toEqual(["contradictory-dates:p1"]);
    const fusion = {
      id: "t2",
      episodeId: "e1",
      kind: "fusion",
      date: "2026-02-10",
      recordedAt: at("2026-02-20"),
    };
    expect(rulesOf({ ...p, treatments: [...p.treatments, fusion] })).toContain("contradictory-dates:t2");
  });

  it("flag a follow-up unanswered and never contacted once the call would be due", () => {
    const p = clean();
    const f = { ...p.followUps[1]!, completedAt: null, contacted: false };
    const unanswered = { ...p, followUps: [p.followUps[0]!, f], responses: [p.responses[0]!] };
    // The 2-week window opened 2026-02-23: the call is due 10 days later.
    expect(rulesOf(unanswered)).toEqual([]);
    expect(checkPatient(unanswered, { ...ctx, today: "2026-03-05" }).map((x) => x.rule)).toEqual([
      "overdue-without-contact",
    ]);
    expect(
      checkPatient(
        { ...unanswered, followUps: [p.followUps[0]!, { ...f, contacted: true }] },
        {
          ...ctx,
          today: "2026-03-05",
        },
      ),
    ).toEqual([]);
  });

  it("call a patient lost when the two latest closed follow-ups were both missed", () => {
    const p = clean();
    const [w2, w6] = scheduleFollowUps("2025-12-01", ["2w", "6w"]);
    const t = {
      id: "t0",
      episodeId: "e1",
      kind: "medication",
      date: "2025-12-01",
      recordedAt: at("2025-12-01"),
    };
    const missed = (id: string, w: typeof w2) => ({
      id,
      treatmentId: "t0",
      ...w!,
      completedAt: null,
      cancelledAt: null,
      contacted: true,
    });
    const base = { ...p.responses[0]!, completedAt: at("2025-11-30") };
    const record = {
      ...p,
      treatments: [t],
      followUps: [missed("a", w2), missed("b", w6)],
      responses: [base],
    };
    expect(rulesOf(record)).toEqual(["lost-to-follow-up:p1"]);
    // One of the two answered: not lost.
    const answeredSix = {
      ...record,
      followUps: [missed("a", w2), { ...missed("b", w6), completedAt: at("2026-01-12") }],
    };
    expect(rulesOf(answeredSix)).toEqual([]);
  });

  it("has a rule for each id it can report", () => {
    expect(new Set(qualityRuleIds).size).toBe(9);
  });
});
