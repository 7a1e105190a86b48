/**
 * The English words of the consent documents (reading grade ≤ 8, held by
 * readability/patient-texts.test.ts). Written for this project from the decision aid's sources
 * (evidence/options-cell.ts cites the same studies): every sentence about what the evidence shows
 * sits in a section with its citation keys and a certainty label, and nothing says or implies that
 * a cell therapy or PRP works, is approved or is proven for back pain.
 */
import type { CitationKey } from "../citations";
import type { GradeCertainty } from "../evidence/types";

export type KindWords = {
  name: string;
  whatItIs: string;
  regulatory: { text: string; sources: readonly CitationKey[] };
  evidence: { text: string; sources: readonly CitationKey[]; certainty: GradeCertainty };
  harms: string;
};

/** Per investigational kind of the catalogue (catalogue/treatments.ts). */
export type InvestigationalWords = Readonly<Record<string, KindWords>>;

const NOT_APPROVED =
  "This treatment is not FDA-approved for back pain. The FDA is the US agency that checks that medical products are safe and work. This treatment is still being studied, so we call it experimental.";

const FLARE =
  "Your back may hurt more for a while after the shot. Any needle into the back can cause bleeding or infection.";

export const kindWordsEn: InvestigationalWords = {
  bone_marrow_concentrate: {
    name: "bone marrow shot",
    whatItIs:
      "A doctor takes marrow from your hip bone with a needle. The marrow is spun to gather its cells. The cells are then put into your back on the same day.",
    regulatory: {
      text: `${NOT_APPROVED} Using your own marrow on the same day is in a legal gray area in the US.`,
      sources: ["fdaConsumer2021", "cfr1271_15b"],
    },
    evidence: {
      text: "One trial compared this shot with a fake shot of salt water. It had 63 people. At 3, 6 and 12 months, people who had the marrow shot did no better than people who had the fake shot. Other studies had no group to compare with, so they cannot tell us if the shot helped.",
      sources: ["levi2025", "pettine2016"],
      certainty: "very low",
    },
    harms: `Your hip may be sore where the marrow was taken. ${FLARE} It costs time and money, and it may delay care that is known to help.`,
  },
  adipose_derived_cells: {
    name: "fat cell shot",
    whatItIs:
      "A doctor takes some fat, often from your belly, with a thin tube. The fat is treated to get cells. The cells are then put into your back.",
    regulatory: {
      text: `${NOT_APPROVED} The FDA and two US courts treat cells taken out of fat as a drug. A drug like this needs FDA permission before it can be tested in people.`,
      sources: ["fdaConsumer2021", "usStemCellClinic2021"],
    },
    evidence: {
      text: "The only studies were very small, with about 10 people each. None had a group to compare with. So we cannot tell if the shot helped anyone.",
      sources: ["kumar2017"],
      certainty: "very low",
    },
    harms: `Taking out fat can cause pain, bruising and infection. ${FLARE} The FDA has warned of serious harms, like infection and blindness, from stem cell products that are not approved.`,
  },
  cultured_or_donor_cells: {
    name: "lab-grown or donor cell shot",
    whatItIs:
      "Cells are grown in a lab, from your own marrow or from a donor. The cells are then put into a disc in your back.",
    regulatory: {
      text: `${NOT_APPROVED} In the US, cells grown in a lab need FDA permission before they can be given to people, and this is given for research studies.`,
      sources: ["fdaConsumer2021", "cfr1271_10a", "fdaHctpGuidance2017"],
    },
    evidence: {
      text: "In trials, pain eased a little more on average than after the shot it was compared with. But the largest trial, with 404 people, did not meet its main goal. More people had side effects after the cells than after the other shot.",
      sources: ["mesoblastDr003", "xie2021"],
      certainty: "very low",
    },
    harms: `${FLARE} We do not know the long-term risks of cells grown in a lab.`,
  },
  platelet_rich_plasma: {
    name: "PRP shot (platelet-rich plasma)",
    whatItIs:
      "Blood is taken from your arm. It is spun to gather the platelets, the parts of blood that help it clot. The liquid is then put into your back.",
    regulatory: {
      text: "PRP is made from your blood with a machine at the bedside, so the FDA does not treat it as a cell product. That does not mean the FDA has checked that it works. PRP shots are not FDA-approved for back pain. It is still being studied, so we call it experimental.",
      sources: ["cfr1271_3d", "fdaConsumer2021"],
    },
    evidence: {
      text: "In one small study of 22 people, about half met the study's goal at 6 months. The study had no group to compare with. So we cannot tell how many would have got better anyway.",
      sources: ["levi2016", "navani2019"],
      certainty: "very low",
    },
    harms: `${FLARE} It costs time and money, and it may delay care that is known to help.`,
  },
};

/** The fake-shot finding every procedure consent states, as the decision aid does. */
export const shamEn = {
  heading: "Many people feel better after any shot",
  text: "In the trial with a fake shot, 10 of the 18 people who had the fake shot had their pain cut by half at 12 months. Pain often eases with time, or after any shot. A study needs a fake-shot group to tell if the real shot adds anything.",
  sources: ["levi2025"] as readonly CitationKey[],
  certainty: "low" as GradeCertainty,
};

export const wordsEn = {
  certainty: { high: "high", moderate: "moderate", low: "low", "very low": "very low" },
  certaintyLabel: "How sure we are",
  sourcesLabel: "Sources",
  procedure: {
    title: (name: string) => `Consent for a ${name}`,
    aboutHeading: "What this form is about",
    about: (clinic: string, name: string) =>
      `This form is about a ${name} at ${clinic}. Please read it all before you decide. Ask us about any part you do not understand.`,
    whatHeading: "What the treatment is",
    regulatoryHeading: "It is not approved for back pain",
    evidenceHeading: "What the studies show",
    harmsHeading: "Possible harms",
    priceHeading: "What it costs",
    price: (clinic: string, price: string) =>
      `At ${clinic} this treatment costs ${price}. Insurance often does not pay for experimental care. Ask us to put the full price in writing.`,
    choiceHeading: "Your choice",
    choice:
      "You can say no. You can choose other care, such as exercise or medicine. Saying no will not change the rest of your care here. You can change your mind at any time before the shot.",
    confirmation: (name: string) =>
      `I have read this form. I know that the ${name} is experimental and not FDA-approved for back pain. I know we do not know if it helps. I choose to have it.`,
  },
  research: {
    title: "Consent to the registry and research",
    whatHeading: "What the registry is",
    what: (clinic: string) =>
      `${clinic} keeps a record of how patients do after each kind of care. Your answers to our forms, your treatments and any problems go into it. It helps us learn which care helps, and for whom.`,
    poolHeading: "What leaves the clinic",
    pool: "Researchers see results from many clinics put together. They never see your name, your address or your dates of birth or care. No number they see comes from fewer than 11 people.",
    withdrawHeading: "You can stop at any time",
    withdraw:
      "You can take back this consent at any time on this portal. From then on, your data will not be used in shared results or research files. Your care here will go on as before, and your own record stays. Files that were already made cannot be called back.",
    confirmation:
      "I have read this form. I agree that my de-identified data can be used in the registry and in research.",
  },
  story: {
    title: "Consent to share your story",
    whatHeading: "What we would share",
    what: (clinic: string) =>
      `${clinic} would like to share your story with other patients. We would remove your name and anything that could point to you. A doctor checks it before it is shown.`,
    howHeading: "How it is shown",
    how: "Your story is shown with your own results, good or bad. It is marked as one person's story, not proof that a treatment works.",
    withdrawHeading: "You can stop at any time",
    withdraw:
      "You can take back this consent at any time on this portal. Your story is then taken down at once.",
    confirmation: "I have read this form. I agree that my story can be shared without my name.",
  },
} as const;
