/**
 * Decision-aid options without needles or surgery: waiting and self-care, exercise, Pilates or
 * yoga, psychological programmes, spinal manipulation, massage, acupuncture and heat. Content
 * (over ~150 lines because each option is a full card); figures and ratings from the domain
 * reference §5.4–5.5 and the cited sources, text in our own plain words (reading grade ≤ 8).
 * Where a source gives no count of people, the card says so rather than inventing one.
 */
import type { DecisionOption } from "./types";

const AVERAGES_ONLY =
  "Studies of this care report average changes in pain, not how many people got better. So we cannot give a fair number out of 100.";

const NOT_A_PRODUCT = "Does not apply. This is care, not a product that needs approval.";

export const conservativeOptions: readonly DecisionOption[] = [
  {
    id: "natural-course",
    name: "Waiting and self-care",
    group: "self-care",
    whatItIs:
      "You stay as active as you can, use simple ways to ease the pain, and give your back time. You do not start a new treatment now. You can change your mind at any time.",
    whatItIsLike:
      "You carry on with daily life as much as you can. Some days are worse than others. For many people the pain eases most in the first few weeks, then more slowly.",
    benefits: [
      "No side effects from treatment.",
      "No treatment costs and no extra visits.",
      "Back pain often eases with time, even when it has lasted for months.",
    ],
    harms: [
      "Pain may last longer than it would with some kinds of care.",
      "For many people with long-lasting pain, some pain is still there a year later.",
      "You may miss help that could make daily life easier.",
    ],
    outOf100: [],
    noNumbers:
      "Studies that followed people over time report the average pain score, not how many people got better. So we show the average instead.",
    otherNumbers: [
      {
        text: "33 studies followed over 11,000 people whose back pain had lasted more than 3 months. Most had no special treatment. On a pain scale of 0 to 100, the average was 51 at the start. It was 33 after 6 weeks, 26 after 6 months and 23 after a year.",
        sources: ["costa2012"],
      },
    ],
    certainty: null,
    certaintyNote:
      "No formal rating. The numbers come from a large review of studies that followed people over time.",
    speed: "weeks",
    timeToEffect: "Pain often eases most in the first 6 weeks, then more slowly.",
    visits: { text: "None needed. See your clinician if things change or get worse.", estimate: false },
    cost: { band: "none", text: "No treatment cost.", estimate: true },
    regulatoryStatus: NOT_A_PRODUCT,
    investigational: false,
    sources: ["costa2012", "niceNg59", "qaseem2017", "who2023"],
  },
  {
    id: "exercise-physiotherapy",
    name: "Exercise and physical therapy",
    group: "exercise-and-therapy",
    whatItIs:
      "A plan of exercises to make your back and body stronger and help you move. A physical therapist can make the plan with you. You can do it alone, at home or in a group.",
    whatItIsLike:
      "You go to sessions over some weeks and do exercises at home between them. Your back may ache at first. Most people can keep up with work and family life.",
    benefits: [
      "Eases pain and helps with daily tasks by a small to medium amount.",
      "Guidelines suggest it as a first choice for back pain that has lasted a long time.",
      "You can keep doing what you learn.",
    ],
    harms: [
      "Some people have a short rise in mild pain.",
      "It takes time and effort every week.",
      "The gains in daily tasks tend to be smaller than the gains in pain.",
    ],
    outOf100: [],
    noNumbers: AVERAGES_ONLY,
    otherNumbers: [],
    certainty: "moderate",
    certaintyNote:
      "Moderate. The review done for the WHO guideline rated it so, and so did US doctors' guidelines.",
    speed: "weeks",
    timeToEffect: "Weeks. Most plans last 6 to 12 weeks.",
    visits: { text: "Several sessions over 6 to 12 weeks, plus exercise at home.", estimate: true },
    cost: { band: "low", text: "Low to medium. Ask your clinic and your insurer.", estimate: true },
    regulatoryStatus: NOT_A_PRODUCT,
    investigational: false,
    sources: ["whoExerciseReview2023", "qaseem2017", "chou2017", "niceNg59"],
  },
  {
    id: "pilates-yoga",
    name: "Pilates, yoga or tai chi",
    group: "exercise-and-therapy",
    whatItIs:
      "Exercise classes that mix slow moves, balance, breathing and control of your body. You can go to a class or follow a guide at home.",
    whatItIsLike:
      "You go to classes for some weeks and practise at home. Some moves may be hard at first. A teacher can show you an easier way.",
    benefits: [
      "May ease pain and help you do more.",
      "In one large review that compared kinds of exercise, Pilates helped pain the most, but the evidence is weak.",
      "Classes can be fun and a way to meet people.",
    ],
    harms: [
      "Some people have a short rise in mild pain, most often at the start.",
      "Classes cost money and take time each week.",
      "We are less sure about these numbers than for exercise in general.",
    ],
    outOf100: [],
    noNumbers: AVERAGES_ONLY,
    otherNumbers: [],
    certainty: "low",
    certaintyNote:
      "Low for yoga and tai chi (US doctors' guidelines). Very low for Pilates (the review done for the WHO guideline).",
    speed: "weeks",
    timeToEffect: "Weeks.",
    visits: { text: "Classes over several weeks, plus practice at home.", estimate: true },
    cost: { band: "low", text: "Low to medium, for classes.", estimate: true },
    regulatoryStatus: NOT_A_PRODUCT,
    investigational: false,
    sources: ["owen2020", "whoExerciseReview2023", "qaseem2017", "chou2017", "niceNg59"],
  },
  {
    id: "psychological-programme",
    name: "Programs to cope with pain (CBT, mindfulness)",
    group: "exercise-and-therapy",
    whatItIs:
      "Sessions that teach you ways to cope with pain, worry less and get back to things you care about. Two kinds are a talking therapy called CBT, and mindfulness.",
    whatItIsLike:
      "You meet a trained therapist, alone or in a group, for some weeks, and practise skills at home. It does not mean the pain is all in your head.",
    benefits: [
      "Can ease pain, and how much it gets in your way, by a small to medium amount.",
      "Works best as part of a plan that also has exercise.",
      "Helps most when worry or low mood are slowing your recovery.",
    ],
    harms: [
      "It takes time and effort.",
      "Talking about pain and feelings can be hard at first.",
      "It can be hard to find a therapist near you.",
    ],
    outOf100: [],
    noNumbers: AVERAGES_ONLY,
    otherNumbers: [],
    certainty: "low",
    certaintyNote:
      "Low for CBT and moderate for mindfulness, as rated by US doctors' guidelines. We show the lower rating.",
    speed: "weeks",
    timeToEffect: "Weeks.",
    visits: { text: "Several sessions over some weeks.", estimate: true },
    cost: { band: "moderate", text: "Medium. Ask your clinic and your insurer.", estimate: true },
    regulatoryStatus: NOT_A_PRODUCT,
    investigational: false,
    sources: ["qaseem2017", "niceNg59", "who2023", "hill2011"],
  },
  {
    id: "spinal-manipulation",
    name: "Spinal manipulation",
    group: "exercise-and-therapy",
    whatItIs:
      "A chiropractor, osteopath or physical therapist uses their hands to move the joints of your spine. Sometimes they use a quick push.",
    whatItIsLike: "Each visit is short. You may hear a click. You may feel sore afterwards.",
    benefits: [
      "May ease pain by a small amount for a short time.",
      "Works best as part of a plan that also has exercise.",
    ],
    harms: ["You may feel sore or stiff afterwards.", "Costs add up if you need many visits."],
    outOf100: [],
    noNumbers: AVERAGES_ONLY,
    otherNumbers: [],
    certainty: "low",
    certaintyNote: "Low, as rated by US doctors' guidelines. The WHO guideline rates it very low.",
    speed: "hours-to-days",
    timeToEffect: "Days to weeks.",
    visits: { text: "Several visits.", estimate: true },
    cost: { band: "low", text: "Low to medium, per visit.", estimate: true },
    regulatoryStatus: NOT_A_PRODUCT,
    investigational: false,
    sources: ["qaseem2017", "niceNg59", "who2023"],
  },
  {
    id: "massage",
    name: "Massage",
    group: "exercise-and-therapy",
    whatItIs: "A therapist rubs and presses the muscles of your back.",
    whatItIsLike: "Most people find the sessions relaxing. The relief tends to fade after a while.",
    benefits: [
      "May ease pain by a small amount for a short time.",
      "Works best as part of a plan that also has exercise.",
    ],
    harms: ["Relief is short, so you may need to keep going back.", "Costs add up over many sessions."],
    outOf100: [],
    noNumbers: AVERAGES_ONLY,
    otherNumbers: [],
    certainty: "low",
    certaintyNote:
      "Low, as rated by US doctors' guidelines for new back pain. They did not rate it for long-lasting pain.",
    speed: "hours-to-days",
    timeToEffect: "Days.",
    visits: { text: "Repeated sessions.", estimate: true },
    cost: { band: "low", text: "Low to medium, per session.", estimate: true },
    regulatoryStatus: NOT_A_PRODUCT,
    investigational: false,
    sources: ["qaseem2017", "niceNg59", "who2023"],
  },
  {
    id: "acupuncture",
    name: "Acupuncture",
    group: "exercise-and-therapy",
    whatItIs: "Thin needles are put into the skin at set points and left in for a short time.",
    whatItIsLike: "You lie still for a while with the needles in. You may feel a small prick or a dull ache.",
    benefits: [
      "May ease pain by a small amount.",
      "US doctors' guidelines suggest it for back pain that has lasted a long time.",
    ],
    harms: [
      "The UK guideline says not to offer it for back pain, so experts do not agree.",
      "You may get small bruises or soreness where the needles went in, and you need many visits.",
    ],
    outOf100: [],
    noNumbers: AVERAGES_ONLY,
    otherNumbers: [],
    certainty: "low",
    certaintyNote:
      "Low, as rated by the WHO guideline. US doctors' guidelines rate it moderate. We show the lower rating.",
    speed: "weeks",
    timeToEffect: "Weeks.",
    visits: { text: "A course of several sessions.", estimate: true },
    cost: { band: "low", text: "Low to medium, per session.", estimate: true },
    regulatoryStatus: NOT_A_PRODUCT,
    investigational: false,
    sources: ["qaseem2017", "who2023", "niceNg59"],
  },
  {
    id: "heat",
    name: "Heat",
    group: "self-care",
    whatItIs: "A heat wrap, heat pad or warm bath on your lower back.",
    whatItIsLike: "You use it at home when you need it. Most people find it soothing.",
    benefits: [
      "Can ease pain a little for a short time, mostly in new back pain.",
      "Cheap and easy to do yourself.",
    ],
    harms: [
      "It can burn your skin if it is too hot or left on too long, such as while you sleep.",
      "The relief does not last.",
    ],
    outOf100: [],
    noNumbers: AVERAGES_ONLY,
    otherNumbers: [],
    certainty: "moderate",
    certaintyNote:
      "Moderate for new back pain, as rated by US doctors' guidelines. It has been studied little in pain that has lasted a long time.",
    speed: "hours-to-days",
    timeToEffect: "Hours to days.",
    visits: { text: "None.", estimate: false },
    cost: { band: "low", text: "Low.", estimate: true },
    regulatoryStatus: NOT_A_PRODUCT,
    investigational: false,
    sources: ["qaseem2017", "niceNg59"],
  },
];
