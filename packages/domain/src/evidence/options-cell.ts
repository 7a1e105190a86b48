/**
 * Decision-aid options for orthobiologics: bone-marrow concentrate, adipose-derived cells,
 * culture-expanded or donor cells, and platelet-rich plasma. Content (over ~150 lines because each
 * option is a full card). Every card says the treatment is investigational and not FDA-approved
 * for back pain, and shows the sham response (Levi 2025: 6, 7 and 10 of the 18 people who had a
 * fake shot had their pain cut by half or more at 3, 6 and 12 months), because improvement after
 * these shots mixes any effect of the shot with natural recovery and placebo. Nothing here may say
 * or imply that they work. The ratings are ours, from the studies each card cites (domain
 * reference §5.1): no guideline or review we use grades these treatments.
 */
import type { DecisionOption, OutOf100 } from "./types";

/**
 * Levi 2025, sham arm (18 people): ≥50% pain relief at 3, 6 and 12 months in 6, 7 and 10 of them
 * (33%, 39%, 56%). The trial reports 15–56, 20–61 and 34–75; the Wilson ranges we show are
 * 16–56, 20–61 and 34–75.
 */
export const shamResponseLevi2025: OutOf100 = {
  design: "sham-arm",
  peopleLike:
    "Adults with long-lasting low back pain thought to come from a disc, in a trial of 63 people. 18 of them had a fake shot of salt water into the back muscle",
  timeFrame: "at 3, 6 and 12 months",
  outcome: "had their pain cut by half or more after a fake (sham) shot with no cells",
  rows: [
    { label: "Fake shot, 3 months", arm: "comparison", count: 33, armSize: 18, events: 6 },
    { label: "Fake shot, 6 months", arm: "comparison", count: 39, armSize: 18, events: 7 },
    { label: "Fake shot, 12 months", arm: "comparison", count: 56, armSize: 18, events: 10 },
  ],
  note: "Many people feel better after any shot, or as time passes. A study needs a fake-shot group to tell if the real shot adds anything.",
  sources: ["levi2025"],
};

const NOT_APPROVED = "Experimental: still being studied. Not FDA-approved for back pain.";
const FLARE = "Pain often flares for a while after a shot into the back.";
const DISC_NEEDLE = "Any needle into a disc carries a small risk of infection.";
const OWN_PRICE =
  "Ask for the full price in writing before you decide. Experimental care is often not covered by insurance.";

export const cellOptions: readonly DecisionOption[] = [
  {
    id: "bone-marrow-concentrate",
    name: "Bone marrow shot (bone marrow concentrate)",
    group: "cell-therapy",
    whatItIs:
      "A doctor takes marrow from your hip bone with a needle, spins it to concentrate the cells, and injects it into a disc on the same day. It is being studied. We do not know if it helps back pain.",
    whatItIsLike:
      "You have two needle steps in one visit: one into the hip bone and one into the back, with numbing medicine. Your back may hurt more for a while, and your hip may be sore.",
    benefits: [
      "Some people have less pain in the months after the shot.",
      "It uses your own cells, so there is no donor.",
    ],
    harms: [
      "In the one trial that compared it with a fake shot, people did no better than those who had the fake shot.",
      `${FLARE} ${DISC_NEEDLE}`,
      "It costs time and money, and it may delay care that is known to help.",
    ],
    outOf100: [
      {
        design: "sham-controlled",
        peopleLike:
          "Adults with long-lasting low back pain thought to come from a disc, in a trial of 63 people",
        timeFrame: "after 12 months",
        outcome: "had their pain cut by half or more",
        rows: [
          { label: "Bone marrow shot", arm: "option", count: 44, armSize: 45, events: 20 },
          { label: "Fake shot", arm: "comparison", count: 56, armSize: 18, events: 10 },
        ],
        note: "The difference could be due to chance. At 3 and 6 months the two groups were also about the same. The fake shot was salt water put into the back muscle, not the disc.",
        sources: ["levi2025"],
      },
    ],
    averages: [],
    otherNumbers: [],
    shamResponse: shamResponseLevi2025,
    certainty: "very low",
    certaintyBy: ["levi2025", "pettine2016", "zhang2023"],
    certaintyNote:
      "Our rating: very low. One trial compared it with a fake shot and found no difference. Other studies had no comparison group.",
    guideline: { stance: "not-addressed", sources: ["niceNg59", "qaseem2017", "who2023"] },
    noBetterThanAlternatives: true,
    speed: "unknown",
    timeToEffect: "Not known. Studies check results 3 to 24 months after the shot.",
    visits: { text: "One visit for the marrow and the shot, then check-ups.", estimate: true },
    cost: { band: "high", text: OWN_PRICE, estimate: true },
    regulatoryStatus: `${NOT_APPROVED} Same-day use of your own marrow is in a legal gray area in the US.`,
    investigational: true,
    sources: ["levi2025", "pettine2016", "zhang2023", "soufi2023", "fdaConsumer2021"],
  },
  {
    id: "adipose-derived-cells",
    name: "Fat cell shot (cells from fat)",
    group: "cell-therapy",
    whatItIs:
      "A doctor takes some fat, often from the belly, and treats it to get cells. These are injected into the back. It is being studied. We do not know if it helps back pain.",
    whatItIsLike:
      "You have the fat taken out with a thin tube, and a shot into the back, often on the same day. Both places may be sore and bruised for a while.",
    benefits: [
      "In a few very small early studies, some people had less pain.",
      "It uses your own cells, so there is no donor.",
    ],
    harms: [
      "None of those studies had a comparison group, so we cannot tell if the shot helped.",
      `Taking out fat can cause pain, bruising and infection. ${FLARE}`,
      "The FDA has warned of serious harms, like infections and blindness, from unapproved stem cell products used elsewhere in the body.",
    ],
    outOf100: [],
    noNumbers:
      "The only studies had about 10 people each and no comparison group. So we cannot give a fair number out of 100.",
    averages: [],
    noComparison: "no-comparison-group",
    otherNumbers: [
      {
        text: "In a US court case, a clinic charged $8,900 for one fat cell treatment and $41,500 for a set of 12. Insurance did not pay.",
        sources: ["californiaStemCell2024"],
      },
    ],
    shamResponse: shamResponseLevi2025,
    certainty: "very low",
    certaintyBy: ["kumar2017"],
    certaintyNote: "Our rating: very low. The only studies were tiny and had no group to compare with.",
    guideline: { stance: "not-addressed", sources: ["niceNg59", "qaseem2017", "who2023"] },
    noBetterThanAlternatives: false,
    speed: "unknown",
    timeToEffect: "Not known.",
    visits: { text: "One visit for the fat and the shot, then check-ups.", estimate: true },
    cost: {
      band: "very high",
      text: "Very high. One US clinic charged $8,900 for one treatment. Ask for the full price in writing.",
      estimate: false,
      source: "californiaStemCell2024",
    },
    regulatoryStatus: `${NOT_APPROVED} The FDA and two US appeals courts treat cells taken out of fat (called SVF) as a drug that needs FDA permission to be tested.`,
    investigational: true,
    sources: ["kumar2017", "californiaStemCell2024", "usStemCellClinic2021", "fdaConsumer2021", "levi2025"],
  },
  {
    id: "cultured-or-donor-cells",
    name: "Lab-grown or donor stem cells",
    group: "cell-therapy",
    whatItIs:
      "Cells that are grown in a lab, from your own marrow or from a donor, and then injected into a disc. It is being studied. We do not know if it helps back pain.",
    whatItIsLike:
      "With your own cells, marrow is taken first and you come back later for the shot. Donor cells are given in one visit. In the US it needs FDA permission, which is given for research studies.",
    benefits: [
      "In trials, pain eased a little more on average than after the comparison shot.",
      "Donor cells mean no marrow needs to be taken from you.",
    ],
    harms: [
      "The largest trial, with 404 people, did not meet its main goal.",
      `In trials, more people had side effects from the treatment than from the comparison shot. ${FLARE}`,
      "Long-term risks of lab-grown cells are not yet known.",
    ],
    outOf100: [],
    noNumbers:
      "The trials give average changes. They do not say how many people got better, so we cannot give a number out of 100.",
    averages: [],
    noComparison: "standard-score-only",
    otherNumbers: [],
    shamResponse: shamResponseLevi2025,
    certainty: "very low",
    certaintyBy: ["xie2021", "mesoblastDr003", "centeno2017"],
    certaintyNote:
      "Our rating: very low for lab-grown cells from your own body, and low for the donor cell product tested in 2 trials. We show the lower rating.",
    guideline: { stance: "not-addressed", sources: ["niceNg59", "qaseem2017", "who2023"] },
    noBetterThanAlternatives: false,
    speed: "unknown",
    timeToEffect: "Not known. Studies check results 3 to 24 months after the shot.",
    visits: { text: "One or two visits for the cells and the shot, then check-ups.", estimate: true },
    cost: { band: "high", text: `Our sources give no price. ${OWN_PRICE}`, estimate: true },
    regulatoryStatus: `${NOT_APPROVED} Needs FDA permission to be tested in people. One donor product has a special FDA status to speed up its review, which is not an approval.`,
    investigational: true,
    sources: ["xie2021", "mesoblastDr003", "centeno2017", "fdaConsumer2021", "levi2025"],
  },
  {
    id: "platelet-rich-plasma",
    name: "Platelet-rich plasma shot (PRP)",
    group: "cell-therapy",
    whatItIs:
      "Blood is taken from your arm and spun to concentrate the platelets, the parts of blood that help it clot. The liquid is injected into the back. It is being studied. We do not know if it helps back pain.",
    whatItIsLike: "A blood draw and a shot in one visit. Your back may hurt more for a while.",
    benefits: [
      "In one small study of shots into the disc, about half the people met the study's goal at 6 months.",
      "It uses your own blood, so there is no donor.",
    ],
    harms: [
      "That study had no comparison group, so we cannot tell how much was due to the shot.",
      `${FLARE} ${DISC_NEEDLE}`,
      "It costs time and money, and it may delay care that is known to help.",
    ],
    outOf100: [
      {
        design: "no-comparison",
        peopleLike:
          "Adults with back pain thought to come from a disc, in a study of 22 people with no comparison group. 19 of them were checked at 6 months",
        timeFrame: "after 6 months",
        outcome: "had their pain cut by half or more and a daily-life score at least 30% better",
        rows: [{ label: "PRP shot into the disc", arm: "option", count: 47, armSize: 19, events: 9 }],
        note: "With no comparison group, we cannot tell how many would have got better anyway. This study counted both less pain and easier daily life. The fake-shot trial below counted pain alone, so its numbers cannot be set beside these.",
        sources: ["levi2016"],
      },
    ],
    averages: [],
    noComparison: "no-comparison-group",
    otherNumbers: [],
    shamResponse: shamResponseLevi2025,
    certainty: "very low",
    certaintyBy: ["levi2016", "navani2019"],
    certaintyNote:
      "Our rating: very low. Our sources have only small studies, with no group to compare with.",
    guideline: { stance: "not-addressed", sources: ["niceNg59", "qaseem2017", "who2023"] },
    noBetterThanAlternatives: false,
    speed: "unknown",
    timeToEffect: "Not known. Studies check results 1 to 6 months after the shot.",
    visits: { text: "One visit for the blood draw and the shot, then check-ups.", estimate: true },
    cost: { band: "moderate", text: OWN_PRICE, estimate: true },
    regulatoryStatus:
      "PRP is made from blood, so the FDA does not treat it as a cell product. It is not FDA-approved for back pain.",
    investigational: true,
    sources: ["levi2016", "navani2019", "levi2025", "fdaConsumer2021"],
  },
];
