/**
 * Library pages about claims: what "stem cell" shots are and are not, how to judge a clinic's
 * claims, and what a registry can and cannot tell. Nothing here may say or imply that a cell
 * therapy (or PRP) is approved or proven for back pain; tests scan it like the decision aid.
 * Sources: the FDA's consumer pages and list of approved cell products, the two SVF court rulings,
 * the FTC's first case against stem cell clinics (2018), Pittenger 2004 (how few marrow cells are
 * stem cells), Levi 2025 (the sham-controlled bone marrow trial), Costa 2012, ICHOM (Clement 2015).
 */
import type { LibraryTopic } from "./types";

export const stemCellTopic: LibraryTopic = {
  id: "stem-cell-shots",
  version: "2026.12.1",
  reviewedOn: "2026-12-07",
  title: "“Stem cell” shots: what they are and are not",
  summary:
    "Most of these shots are not stem cells, and the FDA has not approved any for back pain. What the best study found.",
  sections: [
    {
      heading: "What clinics sell",
      paragraphs: [
        {
          text: "Clinics use the words “stem cell” for many kinds of shots. Some use cells from your own bone marrow or fat. Some use products from donors, such as birth tissue. Others use platelets from your blood.",
          sources: ["fdaConsumer2021"],
          certainty: "official",
        },
      ],
    },
    {
      heading: "Most are not stem cells",
      paragraphs: [
        {
          text: "Platelet-rich plasma (PRP) is made by spinning your own blood to collect platelets, the cells that help blood clot. It has no stem cells.",
          sources: ["cfr1271_3d", "levi2016"],
          certainty: "official",
        },
        {
          text: "In bone marrow, fewer than 1 in 10,000 cells are the kind called stem cells. So a bone marrow shot is mostly blood cells.",
          sources: ["pittenger2004"],
          certainty: "moderate",
        },
        {
          text: "Products made from birth tissue, such as the fluid around a baby or the cord, are often sold as stem cells. The FDA says they need its approval, and it has not given it.",
          sources: ["fdaConsumer2021"],
          certainty: "official",
        },
      ],
    },
    {
      heading: "Not approved for back pain",
      paragraphs: [
        {
          text: "The FDA has not approved any stem cell or other “regenerative” product for back pain, or for any other bone, joint or spine problem.",
          sources: ["fdaConsumer2021"],
          certainty: "official",
        },
        {
          text: "The few stem cell products the FDA has approved treat blood cancers and some blood and immune diseases.",
          sources: ["fdaApprovedCellular"],
          certainty: "official",
        },
        {
          text: "Two US appeals courts have ruled that cells taken out of fat (called SVF) are a drug. A drug needs FDA permission before it can be used, even in a study.",
          sources: ["usStemCellClinic2021", "californiaStemCell2024"],
          certainty: "official",
        },
      ],
    },
    {
      heading: "What the best study found",
      paragraphs: [
        {
          text: "Only one trial has compared a bone marrow shot into the disc with a fake shot. 63 people took part. After a year, 44 in 100 who had the marrow shot had their pain cut by half or more. So did 56 in 100 who had the fake shot. The gap could be due to chance.",
          sources: ["levi2025"],
          certainty: "very low",
          options: ["bone-marrow-concentrate"],
        },
        {
          text: "Many people feel better after a fake shot, or just as time passes. So a study with no fake-shot group cannot show that a shot works.",
          sources: ["levi2025", "costa2012"],
          certainty: "moderate",
        },
      ],
    },
    {
      heading: "Harms and costs",
      paragraphs: [
        {
          text: "The FDA has had reports of blindness, tumors and serious infections after unapproved stem cell products.",
          sources: ["fdaConsumer2021"],
          certainty: "official",
        },
        {
          text: "In one US court case, a clinic charged $8,900 for one fat cell treatment, and $41,500 for a set of 12. Insurance did not pay.",
          sources: ["californiaStemCell2024"],
          certainty: "official",
        },
      ],
    },
  ],
};

export const judgingClinicTopic: LibraryTopic = {
  id: "judging-a-clinic",
  version: "2026.12.2",
  reviewedOn: "2026-12-07",
  title: "How to judge a clinic's claims",
  summary: "Questions to ask before you pay for a shot, and what to be wary of in ads.",
  sections: [
    {
      heading: "What the law asks of a clinic",
      paragraphs: [
        {
          text: "In the US, a clinic's health claims must be true and backed by good science. The FTC, which guards buyers against false ads, has taken clinics to court over stem cell claims they could not back up.",
          sources: ["ftcRegenerativeMedical2018"],
          certainty: "official",
        },
      ],
    },
    {
      heading: "Questions to ask",
      paragraphs: [
        {
          text: "Does the FDA allow this treatment for my problem? If not, is it part of a study that the FDA has allowed? Ask to see the FDA's letter for the study.",
          sources: ["fdaStemCellClaims", "fdaConsumer2021"],
          certainty: "official",
        },
        {
          text: "What is in the shot, and where does it come from? What are the risks, and what are the chances it helps? Ask your own doctor too.",
          sources: ["fdaStemCellClaims"],
          certainty: "official",
        },
        {
          text: "What is the full price, in writing? Experimental care is often not paid for by insurance.",
          sources: ["californiaStemCell2024"],
          certainty: "official",
        },
      ],
    },
    {
      heading: "Be wary when an ad",
      paragraphs: [
        {
          text: "Says one shot treats many diseases. Says it works as well as normal care, or better. Shows only happy patients. These were among the claims the FTC took to court.",
          sources: ["ftcRegenerativeMedical2018"],
          certainty: "official",
        },
        {
          text: "Stories from happy patients are not proof. Many people feel better after any shot, or with time.",
          sources: ["levi2025", "costa2012"],
          certainty: "moderate",
        },
      ],
    },
    {
      heading: "Numbers to ask for",
      paragraphs: [
        {
          text: "A clinic that tracks its results can tell you how many people it treated, how many it heard from a year later, and how their pain and daily life changed. Ask for those numbers, not only the good stories.",
          sources: ["clement2015"],
          certainty: "official",
        },
        {
          text: "Ask the clinic for its track record page. An honest page counts everyone the clinic treated. It says how many people answered. It puts the clinic's numbers next to other clinics'. And it says what the numbers cannot show.",
          sources: ["clement2015"],
          certainty: "official",
        },
      ],
    },
  ],
};

export const registriesTopic: LibraryTopic = {
  id: "registries",
  version: "2026.12.1",
  reviewedOn: "2026-12-07",
  title: "What a registry can and cannot tell",
  summary:
    "Your clinic records how patients are doing. Here is what those numbers can show, and what they cannot.",
  sections: [
    {
      heading: "What a registry is",
      paragraphs: [
        {
          text: "A registry asks many patients the same questions over time: how much pain they have and what they can do, before and after care. Your clinic keeps one, and your answers go into it.",
          sources: ["clement2015"],
          certainty: "official",
        },
      ],
    },
    {
      heading: "What it can tell",
      paragraphs: [
        {
          text: "It can show how people like you were doing 3, 6 and 12 months after a treatment, how many of them answered, and how often problems came up.",
          sources: ["clement2015"],
          certainty: "official",
        },
      ],
    },
    {
      heading: "What it cannot tell",
      paragraphs: [
        {
          text: "On its own, it cannot show that a treatment caused the change. Pain often eases with time. In studies of long-lasting back pain, pain fell from about 51 to 33 out of 100 in 6 weeks, with no special treatment.",
          sources: ["costa2012"],
          certainty: "moderate",
        },
        {
          text: "Only a fair trial can show what a treatment adds, with groups picked by chance and some people given a fake treatment. In one such trial, 56 in 100 people who had a fake shot had their pain cut by half or more after a year.",
          sources: ["levi2025"],
          certainty: "moderate",
        },
      ],
    },
  ],
};
