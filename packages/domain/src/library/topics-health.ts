/**
 * Library pages about the back and its care: what causes back pain and how it usually goes, the
 * warning signs (held to the intake's triage rules by a test: every emergency rule is named on the
 * page, and each rule a section names has that section's tier), and the kinds of treatment (each
 * paragraph tied to its decision-aid option cards, whose certainty and sources it may not exceed).
 * Sources: Costa 2012 (natural course), Verhagen 2016 (how rare serious causes are), NICE NG59,
 * ACP 2007/2011/2017, WHO 2023, and the trials the option cards cite. Plain words, grade ≤ 8.
 */
import { EMERGENCY_NUMBER } from "../emergency-number";
import type { LibraryTopic } from "./types";

export const backPainTopic: LibraryTopic = {
  id: "back-pain",
  version: "2026.12.1",
  reviewedOn: "2026-12-07",
  title: "Back pain: what causes it and how it goes",
  summary: "Why your back hurts, how rare a serious cause is, and how pain tends to change over time.",
  sections: [
    {
      heading: "What causes it",
      paragraphs: [
        {
          text: "Back pain is very common. For most people whose pain has lasted a long time, doctors cannot find one clear cause. The WHO thinks this is true for at least 9 in 10 people who see a family doctor about it.",
          sources: ["who2023"],
          certainty: "official",
        },
        {
          text: "Guidelines say most people with back pain do not need a scan. A scan helps when there are warning signs, or before some shots or surgery.",
          sources: ["chou2007", "chou2011", "niceNg59"],
          certainty: "official",
        },
        {
          text: "A serious cause is rare. Of people who see a family doctor for back pain, fewer than 1 in 100 have cancer in the spine. About 4 in 100 have a broken bone in the spine.",
          sources: ["verhagen2016"],
          certainty: "moderate",
        },
      ],
    },
    {
      heading: "How it usually goes",
      paragraphs: [
        {
          text: "Studies followed people whose pain had lasted more than 3 months. On a scale of 0 to 100, their pain was about 51 at the start. It fell to about 33 in 6 weeks and to about 23 after a year. Most of the drop came early.",
          sources: ["costa2012"],
          certainty: "moderate",
        },
        {
          text: "Pain that is new tends to ease faster. In the same studies, it fell from about 52 to about 23 in 6 weeks.",
          sources: ["costa2012"],
          certainty: "moderate",
        },
        {
          text: "So people often feel better after any care, because the pain was easing anyway. This is why a fair study of a treatment needs a group that did not get it.",
          sources: ["costa2012", "levi2025"],
          certainty: "moderate",
        },
      ],
    },
    {
      heading: "What helps in the meantime",
      paragraphs: [
        {
          text: "Guidelines advise you to stay active and keep up your normal day as best you can. Exercise is one of the first kinds of care they suggest.",
          sources: ["niceNg59", "qaseem2017"],
          certainty: "official",
        },
      ],
    },
  ],
};

export const warningSignsTopic: LibraryTopic = {
  id: "warning-signs",
  version: "2026.12.1",
  reviewedOn: "2026-12-07",
  title: "Warning signs: when to get help fast",
  summary: "The few signs that mean you need care today, and where to go.",
  sections: [
    {
      heading: "Why these signs matter",
      paragraphs: [
        {
          text: "Most back pain is not a sign of harm. But a few signs can mean that a nerve, an infection or a blood vessel needs care fast. We ask about them when you start, and you should act on them if they come later.",
          sources: ["niceCks", "verhagen2016"],
          certainty: "official",
        },
      ],
    },
    {
      heading: `Go to an emergency department now, or call ${EMERGENCY_NUMBER}`,
      triage: {
        tier: "emergency",
        rules: [
          "ces-bladder",
          "ces-bowel",
          "ces-saddle",
          "ces-bilateral-legs",
          "ces-sexual",
          "progressive-leg-weakness",
          "fever-with-new-deficit",
          "spinal-infection",
          "cancer-with-new-deficit",
          "pulsatile-abdominal-mass",
        ],
      },
      paragraphs: [
        {
          text: "You cannot pee, or you cannot feel when you need to. You lose control of your bowels. The skin between your legs or around your bottom goes numb. You have new pain, numbness or weakness in both legs, or new trouble with sex.",
          sources: ["niceCks", "glosRedFlags"],
          certainty: "official",
        },
        {
          text: "A leg or foot is getting weaker. You have a fever and new numbness or trouble walking. You have a fever and you had a spine shot or surgery in the last few months, you inject drugs, or your immune system is weak. You have had cancer and now have new numbness or trouble walking. You feel a lump in your belly that beats like a pulse.",
          sources: ["chou2007", "niceCks", "chou2011", "downie2013", "robinson2013"],
          certainty: "official",
        },
        {
          text: "Do not wait for your next visit or for your clinic to call. If you are not sure, go anyway.",
          sources: ["niceCks", "glosRedFlags"],
          certainty: "official",
        },
      ],
    },
    {
      heading: "Call your clinic today",
      triage: {
        tier: "urgent",
        rules: [
          "fever",
          "new-gait-disturbance",
          "cancer-history",
          "major-trauma",
          "minor-trauma-fragile-bone",
          "long-term-steroids",
          "post-procedure-worsening",
        ],
      },
      paragraphs: [
        {
          text: "You have a fever, chills or shaking with your back pain. You have new trouble walking. Your pain got worse after a spine shot or surgery.",
          sources: ["niceCks", "glosRedFlags", "chou2007"],
          certainty: "official",
        },
        {
          text: "You have ever had cancer. Your pain started after a bad injury, or after a small fall when your bones are thin. You have taken steroid pills or shots for months.",
          sources: ["downie2013", "henschke2009", "niceCks"],
          certainty: "official",
        },
        {
          text: "A clinician needs to check these soon. Most of the time they turn out to be something else. Do not book a shot or surgery until you have talked with your clinic.",
          sources: ["niceCks", "downie2013"],
          certainty: "official",
        },
      ],
    },
    {
      heading: "Tell your clinic soon",
      triage: { tier: "soon", rules: ["weight-loss", "night-pain", "inflammatory-pattern", "not-improving"] },
      paragraphs: [
        {
          text: "You lose weight without trying. Your pain is bad at night or when you rest. Your back is stiff for more than 30 minutes each morning and feels better when you move. Your pain keeps getting worse, even with care.",
          sources: ["niceCks", "glosRedFlags", "rudwaleit2006"],
          certainty: "official",
        },
        {
          text: "One of these signs on its own is rarely serious. It helps a clinician decide if you need tests.",
          sources: ["downie2013", "niceCks"],
          certainty: "moderate",
        },
      ],
    },
  ],
};

export const treatmentsTopic: LibraryTopic = {
  id: "treatments",
  version: "2026.12.1",
  reviewedOn: "2026-12-07",
  title: "The kinds of treatment",
  summary:
    "From waiting and exercise to shots and surgery: what each kind does, in short. The decision aid has the numbers.",
  sections: [
    {
      heading: "Waiting and staying active",
      paragraphs: [
        {
          text: "Back pain often eases over time, even with no treatment. Guidelines advise you to stay active while you wait.",
          sources: ["costa2012", "niceNg59", "qaseem2017"],
          certainty: "not-rated",
          options: ["natural-course"],
        },
      ],
    },
    {
      heading: "Exercise, therapy and hands-on care",
      paragraphs: [
        {
          text: "An exercise program helps a little with pain and with what you can do. Experts are fairly sure of this, and guidelines suggest it first.",
          sources: ["whoExerciseReview2023", "qaseem2017"],
          certainty: "moderate",
          options: ["exercise-physiotherapy"],
        },
        {
          text: "Yoga, talking therapy, massage and spine manipulation may help a little too. Experts are less sure, because the studies are weaker.",
          sources: ["qaseem2017"],
          certainty: "low",
          options: ["pilates-yoga", "psychological-programme", "massage", "spinal-manipulation"],
        },
      ],
    },
    {
      heading: "Medicines",
      paragraphs: [
        {
          text: "Anti-swelling pain pills, like ibuprofen, help a little for a short time. They can upset your stomach and harm your kidneys or heart.",
          sources: ["qaseem2017"],
          certainty: "moderate",
          options: ["nsaids"],
        },
        {
          text: "Strong painkillers (opioids) did no better than other pain pills after a year in one trial, and caused more side effects. Guidelines advise against them for long-lasting back pain.",
          sources: ["krebs2018", "who2023"],
          certainty: "moderate",
          options: ["opioids"],
        },
      ],
    },
    {
      heading: "Shots",
      paragraphs: [
        {
          text: "A steroid shot near a nerve can ease leg pain a little for a few weeks. It does not help in the long run.",
          sources: ["chou2015"],
          certainty: "low",
          options: ["epidural-steroid-injection"],
        },
        {
          text: "Some people have the small nerves of the spine joints treated with heat. Experts are very unsure if this helps.",
          sources: ["juch2017", "maas2015"],
          certainty: "very low",
          options: ["radiofrequency-denervation"],
        },
      ],
    },
    {
      heading: "Surgery",
      paragraphs: [
        {
          text: "For leg pain from a bulging disc, early surgery eases the pain sooner. But after a year, 95 in 100 people felt better, with or without early surgery.",
          sources: ["peul2007"],
          certainty: "not-rated",
          options: ["discectomy"],
        },
        {
          text: "In a trial of 349 people, joining bones in the low back did about as well as a hard rehab program. Guidelines advise against it for back pain alone, except in a study.",
          sources: ["fairbank2005", "niceNg59"],
          certainty: "not-rated",
          options: ["fusion"],
        },
      ],
    },
    {
      heading: "Cell and platelet shots",
      paragraphs: [
        {
          text: "Shots of cells from bone marrow, fat or donors, and platelet shots (PRP), are experimental. The FDA has not approved any of them for back pain. Experts are very unsure if they help.",
          sources: ["fdaConsumer2021", "levi2025"],
          certainty: "very low",
          options: [
            "bone-marrow-concentrate",
            "adipose-derived-cells",
            "cultured-or-donor-cells",
            "platelet-rich-plasma",
          ],
        },
      ],
    },
  ],
};
