/**
 * Decision-aid options with medicines, injections or surgery: NSAIDs, opioids, epidural steroid
 * injection (for sciatica), radiofrequency denervation, discectomy (for sciatica) and fusion.
 * Content (over ~150 lines because each option is a full card); figures from the domain reference
 * §5.4 with their sources, text in our own plain words (reading grade ≤ 8). Ratings the sources do
 * not give are left null and the card says so.
 */
import type { DecisionOption } from "./types";

const NO_RATING = "Our sources give no formal rating of how sure the evidence is.";
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
    otherNumbers: [],
    certainty: "moderate",
    certaintyNote: "Moderate, as rated by US doctors' guidelines for back pain that has lasted a long time.",
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
      "In a year-long trial in people with long-lasting back pain, daily life was no better with opioids than with other pain pills. Pain was a bit worse, and there were more side effects.",
      "They carry a risk of needing more over time, addiction, overdose and death. The UK and WHO guidelines advise against them for long-lasting back pain.",
    ],
    outOf100: [],
    noNumbers: "The trial gives average scores. It does not say how many people got better.",
    otherNumbers: [],
    certainty: "moderate",
    certaintyNote: "Moderate, as rated by US doctors' guidelines, with a large trial in back pain.",
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
    otherNumbers: [
      {
        text: "Soon after the shot, pain was about 8 points lower on a scale of 0 to 100 than after a fake shot. That is the average.",
        sources: ["chou2015"],
      },
    ],
    certainty: null,
    certaintyNote: NO_RATING,
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
      "If it helps, the relief can last for months.",
    ],
    harms: [
      "It is not for everyone: you need test shots first, and only some people qualify.",
      "The place where the needle went in may be sore.",
    ],
    outOf100: [],
    noNumbers: "Our sources give no numbers we can fairly show for this treatment.",
    otherNumbers: [],
    certainty: null,
    certaintyNote: NO_RATING,
    speed: "unknown",
    timeToEffect: "Our sources do not say how fast it works.",
    visits: { text: "At least 2 visits: test shots, then the treatment.", estimate: true },
    cost: { band: "high", text: "Medium to high. Ask your clinic and your insurer.", estimate: true },
    regulatoryStatus: "A standard procedure in pain clinics.",
    investigational: false,
    sources: ["niceNg59"],
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
        peopleLike: "Adults with bad leg pain from a slipped disc, in a trial of 283 people",
        timeFrame: "1 year",
        outcome: "felt they had recovered",
        rows: [
          { label: "Early surgery", count: 95 },
          { label: "Non-surgical care first", count: 95 },
        ],
        note: "Surgery got people better faster, but by 1 year both groups were about the same.",
        sources: ["peul2007"],
      },
      {
        peopleLike: "The same trial: people who started with non-surgical care",
        timeFrame: "within 1 to 2 years",
        outcome: "had surgery later",
        rows: [{ label: "Non-surgical care first", count: 39, countHigh: 44 }],
        note: "Starting with other care does not rule out surgery later.",
        sources: ["peul2007"],
      },
    ],
    otherNumbers: [],
    certainty: null,
    certaintyNote: NO_RATING,
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
        peopleLike: "Adults with long-lasting back pain, in two trials",
        timeFrame: "over the years the trials followed people (up to about 9 years)",
        outcome: "had another operation, or surgery after first trying rehab",
        rows: [
          { label: "Fusion: had another operation", count: 33 },
          { label: "Exercise and rehab: had surgery later", count: 33 },
        ],
        note: "These are rough figures: the trials report about a third in each group.",
        sources: ["brox2003"],
      },
    ],
    otherNumbers: [
      {
        text: "A UK trial had 349 people. On a disability scale of 0 to 100, scores fell from 46.5 to 34.0 after fusion. They fell from 44.8 to 36.1 after rehab. At 2 years the groups were about 4 points apart.",
        sources: ["fairbank2005"],
      },
    ],
    certainty: null,
    certaintyNote: NO_RATING,
    speed: "months",
    timeToEffect: "Recovery takes months.",
    visits: { text: "The operation, a stay in hospital, and many check-ups after.", estimate: true },
    cost: { band: "very high", text: "Very high. Ask your surgeon and your insurer.", estimate: true },
    regulatoryStatus: "A standard operation.",
    investigational: false,
    sources: ["fairbank2005", "brox2003", "niceNg59"],
  },
];
