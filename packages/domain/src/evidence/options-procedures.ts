/**
 * Decision-aid options with medicines, injections or surgery: NSAIDs, opioids, epidural steroid
 * injection (for sciatica), radiofrequency denervation, discectomy (for sciatica) and fusion.
 * Content (over ~150 lines because each option is a full card); figures from the domain reference
 * §5.4 and the cited trials with their sources, text in our own plain words (reading grade ≤ 8).
 * Where a trial compared groups by average scores, both groups are named (`averages`); ratings
 * the sources do not give are left null and the card says why. Figures as the sources report them:
 * SPACE (Krebs 2018, 120 per group): 12-month BPI interference 3.4 vs 3.3, severity 4.0 vs 3.5.
 * Chou 2015: immediate pain −7.55/100 (95% CI −11.4 to −3.74), strength of evidence moderate;
 * function and short-term surgery low. Mint (Juch 2017, 681 people in 3 trials): no difference, or
 * less than the prespecified 2 of 10 points, at 3 months. Maas 2015: quality very low to
 * moderate. Peul 2007/2008: 125 of 141 and 55 of 142 operated within a year, 62 of 142 within
 * two; perceived recovery at 1 year 95% in both groups (a modelled share, so its range is rough).
 * MRC (Fairbank 2005, 176 and 173): Oswestry 46.5→34.0 vs 44.8→36.1, adjusted −4.1 (−8.1 to −0.1).
 */
import type { DecisionOption } from "./types";

const NOT_GRADED = "Not rated: our sources do not grade how sure the evidence is.";
const SURGERY_RISKS = "Any operation has risks, such as infection, bleeding, blood clots or harm to a nerve.";

export const procedureOptions: readonly DecisionOption[] = [
  {
    id: "nsaids",
    name: "Anti-inflammatory pain pills (NSAIDs)",
    group: "medicine",
    whatItIs:
      "Pain pills such as ibuprofen or naproxen. You can buy some at a store. Others need a prescription.",
    whatItIsLike:
      "You take pills when you need them, at the lowest dose that helps, for as short a time as you can.",
    benefits: [
      "Ease pain by a small amount.",
      "Start to work within hours.",
      "US doctors' guidelines suggest them first among medicines, if care without pills is not enough.",
    ],
    harms: [
      "They can harm the stomach, the kidneys, and the heart and blood vessels.",
      "That is why guidelines say to take the lowest dose for the shortest time.",
      "They are not safe for everyone. Ask first if you have stomach, kidney or heart problems.",
    ],
    outOf100: [],
    noNumbers: "Studies give the average change in pain. They do not say how many people got better.",
    averages: [],
    noComparison: "no-figure",
    otherNumbers: [],
    certainty: "moderate",
    certaintyBy: ["qaseem2017"],
    certaintyNote: "Moderate, as rated by US doctors' guidelines for back pain that has lasted a long time.",
    guideline: { stance: "recommended", sources: ["qaseem2017", "niceNg59", "who2023"] },
    noBetterThanAlternatives: false,
    speed: "hours-to-days",
    timeToEffect: "Hours to days.",
    visits: { text: "No extra visits, but see your clinician if you need them for long.", estimate: true },
    cost: { band: "low", text: "Low.", estimate: true },
    regulatoryStatus: "Licensed pain medicines. Follow the label or your prescription.",
    investigational: false,
    sources: ["qaseem2017", "niceNg59", "who2023"],
  },
  {
    id: "opioids",
    name: "Opioid pain pills",
    group: "medicine",
    whatItIs: "Strong pain pills such as oxycodone or morphine. They need a prescription.",
    whatItIsLike:
      "You take pills on a schedule. Many people feel sleepy or get constipated. Your clinician needs to check on you often.",
    benefits: [
      "May ease pain a little at first.",
      "US doctors' guidelines allow them only after other care has failed, and after talking about the risks.",
    ],
    harms: [
      "In a year-long trial in people with long-lasting back pain or hip or knee arthritis pain, daily life was no better with opioids than with other pain pills. Pain was a bit worse, and there were more side effects.",
      "They carry a risk of needing more over time, addiction, overdose and death. The UK and WHO guidelines advise against them for long-lasting back pain.",
    ],
    outOf100: [],
    noNumbers: "The trial gives average scores. It does not say how many people got better.",
    averages: [
      {
        design: "randomized",
        peopleLike:
          "Adults with long-lasting back pain, or hip or knee arthritis pain, in a trial of 240 people",
        timeFrame: "after 12 months",
        measure: "how much pain got in the way of daily life, on a scale of 0 to 10",
        rows: [
          { label: "Opioid pills", arm: "option", armSize: 120, mean: 3.4 },
          { label: "Other pain pills", arm: "comparison", armSize: 120, mean: 3.3 },
        ],
        summary: "The score was 3.4 with opioid pills and 3.3 with other pain pills: about the same.",
        note: "Pain itself was a bit worse with opioids, 4.0 against 3.5 on a scale of 0 to 10, and there were more side effects.",
        sources: ["krebs2018"],
      },
    ],
    otherNumbers: [],
    certainty: "moderate",
    certaintyBy: ["qaseem2017"],
    certaintyNote:
      "Moderate, as rated by US doctors' guidelines, with a large trial in back, hip and knee pain.",
    guideline: { stance: "advised-against", sources: ["niceNg59", "who2023"] },
    noBetterThanAlternatives: true,
    speed: "hours-to-days",
    timeToEffect: "Hours.",
    visits: { text: "Regular check-ups while you take them.", estimate: true },
    cost: { band: "low", text: "Low to medium.", estimate: true },
    regulatoryStatus: "Licensed pain medicines with strict rules on prescribing.",
    investigational: false,
    sources: ["krebs2018", "qaseem2017", "niceNg59", "who2023"],
  },
  {
    id: "epidural-steroid-injection",
    name: "Steroid shot near the spinal nerves (epidural)",
    group: "injection",
    suitableFor: "Leg pain from a pinched nerve in the back (sciatica), not back pain alone.",
    whatItIs:
      "A shot of steroid and numbing medicine into the space around the nerves in your spine. It is for leg pain from a pinched nerve.",
    whatItIsLike:
      "A doctor gives the shot, using an X-ray to guide the needle. It is a short visit and you go home the same day.",
    benefits: [
      "Leg pain may ease a little for a short time, from days up to about 3 months.",
      "In a review of 30 trials, fewer people had surgery in the short term.",
    ],
    harms: [
      "On average the relief was small, less than most people would notice.",
      "No lasting benefit was found, and no benefit when the spinal canal is narrow (stenosis).",
      "Serious harms are rare, but the shot can hurt where the needle goes in.",
    ],
    outOf100: [],
    noNumbers: "The review gives the average change in pain. It does not say how many people got better.",
    averages: [
      {
        design: "sham-controlled",
        peopleLike: "Adults with leg pain from a pinched nerve, in 30 trials",
        timeFrame: "soon after the shot",
        measure: "pain, on a scale of 0 to 100",
        rows: [
          { label: "Steroid shot", arm: "option" },
          { label: "Fake shot", arm: "comparison" },
        ],
        difference: { value: -7.55, low: -11.4, high: -3.74 },
        summary:
          "Pain was about 8 points lower with the steroid shot than with a fake shot, likely between 4 and 11 points.",
        note: "That is less than most people would notice, and later on there was no difference.",
        sources: ["chou2015"],
      },
    ],
    otherNumbers: [],
    certainty: "low",
    certaintyBy: ["chou2015"],
    certaintyNote:
      "Low for daily tasks and for fewer operations. Moderate for the small, short ease in pain. A review of the trials for US doctors rated it so. We show the lower rating.",
    guideline: { stance: "not-addressed", sources: ["niceNg59"] },
    noBetterThanAlternatives: false,
    speed: "hours-to-days",
    timeToEffect: "Days. Any relief lasts up to about 3 months.",
    visits: { text: "One short visit for each shot. Some people have more than one.", estimate: true },
    cost: { band: "moderate", text: "Medium. Ask your clinic and your insurer.", estimate: true },
    regulatoryStatus: "A standard procedure in pain clinics.",
    investigational: false,
    sources: ["chou2015", "niceNg59"],
  },
  {
    id: "radiofrequency-denervation",
    name: "Nerve heat treatment (radiofrequency denervation)",
    group: "injection",
    suitableFor: "Pain from the small joints at the back of the spine, when a test shot has helped.",
    whatItIs:
      "A needle uses heat to stop small nerves from sending pain signals from the joints at the back of the spine. First you get test shots to see if those nerves are the cause.",
    whatItIsLike:
      "You lie face down while a doctor guides a needle with X-rays. You go home the same day. You need the test shots on an earlier visit.",
    benefits: [
      "The UK guideline says it can be tried when other care has not worked and a test shot has helped.",
      "It is a short visit, and you go home the same day.",
    ],
    harms: [
      "In 3 trials with 681 people, adding it to an exercise program did not ease pain by an amount that matters.",
      "It is not for everyone: you need test shots first, and only some people qualify.",
      "The place where the needle went in may be sore.",
    ],
    outOf100: [],
    noNumbers: "The trials give average pain scores. They do not say how many people got better.",
    averages: [
      {
        design: "randomized",
        peopleLike:
          "Adults with long-lasting low back pain whose test shots helped, in 3 trials of 681 people",
        timeFrame: "after 3 months",
        measure: "back pain, on a scale of 0 to 10",
        rows: [
          { label: "Nerve heat treatment and exercise", arm: "option" },
          { label: "Exercise program alone", arm: "comparison" },
        ],
        summary:
          "Adding the nerve heat treatment to the exercise program made no difference, or less than the 2 points the trials set as the smallest that matters.",
        note: "Everyone had the exercise program. People knew which care they had.",
        sources: ["juch2017"],
      },
    ],
    otherNumbers: [],
    certainty: "very low",
    certaintyBy: ["maas2015"],
    certaintyNote:
      "Very low to moderate, by what was measured, in a large review of 23 trials. We show the lower rating. Three larger trials since then found no difference that matters.",
    guideline: { stance: "recommended", sources: ["niceNg59"] },
    noBetterThanAlternatives: true,
    speed: "unknown",
    timeToEffect: "Our sources do not say how fast it works.",
    visits: { text: "At least 2 visits: test shots, then the treatment.", estimate: true },
    cost: { band: "high", text: "Medium to high. Ask your clinic and your insurer.", estimate: true },
    regulatoryStatus: "A standard procedure in pain clinics.",
    investigational: false,
    sources: ["juch2017", "maas2015", "niceNg59"],
  },
  {
    id: "discectomy",
    name: "Surgery to take pressure off a nerve (discectomy)",
    group: "surgery",
    suitableFor: "Leg pain from a slipped disc pressing on a nerve (sciatica).",
    whatItIs: "An operation to remove the part of a slipped disc that presses on a nerve.",
    whatItIsLike: "You have an operation. Then it takes some weeks before you are back to your usual tasks.",
    benefits: ["Leg pain eases faster than with non-surgical care.", "Many people feel better within weeks."],
    harms: [
      "After 1 to 2 years, people who had surgery early did about the same as people who tried other care first.",
      SURGERY_RISKS,
    ],
    outOf100: [
      {
        design: "randomized",
        peopleLike: "Adults with bad leg pain from a slipped disc, in a trial of 283 people",
        timeFrame: "after 1 year",
        outcome: "felt they had recovered",
        rows: [
          { label: "Early surgery", arm: "option", count: 95, armSize: 141 },
          { label: "Non-surgical care first", arm: "comparison", count: 95, armSize: 142 },
        ],
        note: "Surgery got people better faster, but by 1 year both groups were about the same.",
        sources: ["peul2007"],
      },
      {
        design: "randomized",
        peopleLike: "The same trial",
        timeFrame: "within 1 year",
        outcome: "had an operation on the disc",
        rows: [
          { label: "Early surgery", arm: "option", count: 89, armSize: 141, events: 125 },
          { label: "Non-surgical care first", arm: "comparison", count: 39, armSize: 142, events: 55 },
        ],
        note: "Starting with other care does not rule out surgery later. By 2 years, 62 of the 142 people who started with other care had had an operation.",
        sources: ["peul2007"],
      },
    ],
    averages: [],
    otherNumbers: [],
    certainty: null,
    certaintyBy: [],
    noRating: "not-graded",
    certaintyNote: `${NOT_GRADED} The numbers come from one trial of 283 people, who knew which care they had.`,
    guideline: { stance: "not-checked", sources: [] },
    noBetterThanAlternatives: true,
    speed: "weeks",
    timeToEffect: "Leg pain often eases within weeks.",
    visits: { text: "The operation plus follow-up visits.", estimate: true },
    cost: { band: "high", text: "High. Ask your surgeon and your insurer.", estimate: true },
    regulatoryStatus: "A standard operation.",
    investigational: false,
    sources: ["peul2007", "weinstein2006", "niceNg59"],
  },
  {
    id: "fusion",
    name: "Spinal fusion surgery",
    group: "surgery",
    whatItIs:
      "An operation that joins two or more bones of the spine so they no longer move against each other.",
    whatItIsLike: "A big operation with a hospital stay. Recovery takes months.",
    benefits: [
      "Some people have less pain and can do more after fusion.",
      "But in trials, people did only a little better, or no better, than people in a hard exercise and rehab program.",
    ],
    harms: [
      SURGERY_RISKS,
      "In two trials, about 1 in 3 people who had fusion needed another operation.",
      "UK guidance says it should not be offered for back pain alone, except in a study.",
    ],
    outOf100: [
      {
        design: "randomized",
        approximate: true,
        peopleLike:
          "Adults with long-lasting back pain, in two trials that followed people for about 9 years",
        timeFrame: "over about 9 years",
        outcome: "had more surgery on the back",
        rows: [
          { label: "Fusion: another operation", arm: "option", count: 33 },
          { label: "Exercise and rehab: surgery after all", arm: "comparison", count: 33 },
        ],
        note: "These are rough figures: the trials report about a third in each group.",
        sources: ["brox2003"],
      },
    ],
    averages: [
      {
        design: "randomized",
        peopleLike: "Adults with back pain for at least a year, in a UK trial of 349 people",
        timeFrame: "after 2 years",
        measure: "how much back pain limits daily life, on a scale of 0 to 100",
        rows: [
          { label: "Fusion", arm: "option", armSize: 176, mean: 34.0 },
          { label: "Intensive rehab program", arm: "comparison", armSize: 173, mean: 36.1 },
        ],
        difference: { value: -4.1, low: -8.1, high: -0.1 },
        summary:
          "Scores fell from 46.5 to 34.0 after fusion, and from 44.8 to 36.1 after rehab. Taking the start into account, fusion was about 4 points better, likely between 0.1 and 8.1.",
        note: "Most people notice a change of 10 points or more. A walking test showed no difference.",
        sources: ["fairbank2005", "ostelo2008"],
      },
    ],
    otherNumbers: [],
    certainty: null,
    certaintyBy: [],
    noRating: "not-graded",
    certaintyNote: `${NOT_GRADED} The numbers come from three trials in which people knew which care they had. UK guidance weighed them and says not to offer fusion for back pain alone, except in a study.`,
    guideline: { stance: "advised-against", sources: ["niceNg59"] },
    noBetterThanAlternatives: true,
    speed: "months",
    timeToEffect: "Recovery takes months.",
    visits: { text: "The operation, a stay in hospital, and many check-ups after.", estimate: true },
    cost: { band: "very high", text: "Very high. Ask your surgeon and your insurer.", estimate: true },
    regulatoryStatus: "A standard operation.",
    investigational: false,
    sources: ["fairbank2005", "brox2003", "ostelo2008", "niceNg59"],
  },
];
