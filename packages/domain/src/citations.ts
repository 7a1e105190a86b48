/**
 * Sources, cited by key from content (instruments, thresholds, catalogue entries), so that a
 * reviewer can check any number against its source in one hop. Add a source here before citing it.
 */
export type Citation = {
  key: string;
  text: string;
  doi?: string;
  url?: string;
};

export const citations = {
  ostelo2008: {
    key: "ostelo2008",
    text: "Ostelo RWJG et al. Interpreting change scores for pain and functional status in low back pain. Spine 2008;33(1):90–94.",
    doi: "10.1097/BRS.0b013e31815e3a10",
  },
  fairbank2000: {
    key: "fairbank2000",
    text: "Fairbank JCT, Pynsent PB. The Oswestry Disability Index. Spine 2000;25(22):2940–2952.",
    doi: "10.1097/00007632-200011150-00017",
  },
  farrar2001: {
    key: "farrar2001",
    text: "Farrar JT et al. Clinical importance of changes in chronic pain intensity measured on an 11-point numerical pain rating scale. Pain 2001;94:149–158.",
  },
  dworkin2008: {
    key: "dworkin2008",
    text: "Dworkin RH et al. Interpreting the clinical importance of treatment outcomes in chronic pain clinical trials: IMMPACT recommendations. J Pain 2008;9:105–121.",
  },
  fdaConsumer2021: {
    key: "fdaConsumer2021",
    text: "US FDA. Important Patient and Consumer Information About Regenerative Medicine Therapies (3 June 2021).",
    url: "https://www.fda.gov/vaccines-blood-biologics/consumers-biologics/important-patient-and-consumer-information-about-regenerative-medicine-therapies",
  },
  levi2025: {
    key: "levi2025",
    text: "Levi D et al. Intradiscal bone marrow concentrate versus sham: a double-blind randomized controlled trial. Interv Pain Med 2025.",
    doi: "10.1016/j.inpm.2025.100611",
  },
  clement2015: {
    key: "clement2015",
    text: "Clement RC et al. A proposed set of metrics for standardized outcome reporting in the management of low back pain (ICHOM). Acta Orthop 2015;86(5):523–533.",
    doi: "10.3109/17453674.2015.1036696",
  },
} as const satisfies Record<string, Citation>;

export type CitationKey = keyof typeof citations;
