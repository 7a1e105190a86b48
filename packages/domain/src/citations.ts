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
  rolandMorris1983: {
    key: "rolandMorris1983",
    text: "Roland M, Morris R. A study of the natural history of back pain. Part I: development of a reliable and sensitive measure of disability in low-back pain. Spine 1983;8(2):141–144.",
  },
  rolandFairbank2000: {
    key: "rolandFairbank2000",
    text: "Roland M, Fairbank J. The Roland–Morris Disability Questionnaire and the Oswestry Disability Questionnaire. Spine 2000;25(24):3115–3124.",
  },
  krebs2009: {
    key: "krebs2009",
    text: "Krebs EE et al. Development and initial validation of the PEG, a three-item scale assessing pain intensity and interference. J Gen Intern Med 2009;24(6):733–738.",
    doi: "10.1007/s11606-009-0981-1",
  },
  hill2008: {
    key: "hill2008",
    text: "Hill JC et al. A primary care back pain screening tool: identifying patient subgroups for initial treatment (the STarT Back Screening Tool). Arthritis Rheum 2008;59(5):632–641.",
  },
  keeleStartBack: {
    key: "keeleStartBack",
    text: "Keele University. STarT Back: using and scoring the tool; licensing and copyright (web pages).",
  },
  guy1976: {
    key: "guy1976",
    text: "Guy W. ECDEU Assessment Manual for Psychopharmacology (Clinical Global Impressions). US DHEW, NIMH; 1976.",
  },
  healthMeasuresProfiles: {
    key: "healthMeasuresProfiles",
    text: "HealthMeasures. PROMIS Adult Profile Instruments scoring manual (raw score to T-score tables for PROMIS-29 v2.1), 9 April 2021; and the HealthMeasures scoring instructions.",
  },
  healthMeasuresTerms: {
    key: "healthMeasuresTerms",
    text: "HealthMeasures. Terms and conditions of use for PROMIS measures; Electronic Administration Permission (HEAP).",
  },
  chen2018: {
    key: "chen2018",
    text: "Chen CX et al. Estimating minimally important differences for the PROMIS pain interference scales: results from 3 randomized clinical trials. Pain 2018;159(4):775–782.",
  },
  amtmann2016: {
    key: "amtmann2016",
    text: "Amtmann D et al. Minimally important differences for PROMIS pain interference in individuals with back pain. J Pain Res 2016;9:251–255.",
    doi: "10.2147/JPR.S93391",
  },
  promisCLbpThai: {
    key: "promisCLbpThai",
    text: "Minimal clinically important differences of PROMIS-29 domains in chronic low back pain (Thai cohort, n = 183, ROC against global perceived effect). Chulalongkorn University repository (thesis); a single small study.",
  },
  mannionOdi: {
    key: "mannionOdi",
    text: "Mannion AF et al. Responsiveness of the German Oswestry Disability Index 2.1 after spine surgery: an 18% reduction (about 8 points) marks a good outcome at 6 months.",
    url: "https://pmc.ncbi.nlm.nih.gov/articles/PMC3454560/",
  },
  norspine2024: {
    key: "norspine2024",
    text: "NORspine machine-learning prediction study, lumbar disc herniation surgery: ODI improvement ≥ 22 points as success at 12 months. JAMA Netw Open 2024.",
    url: "https://pmc.ncbi.nlm.nih.gov/articles/PMC10851101/",
  },
  kamper2010: {
    key: "kamper2010",
    text: "Kamper SJ et al. Measuring recovery in low back pain: NRS = 0 and RMDQ ≤ 2 best classify self-rated recovery. Eur Spine J 2010;19:1495–1501.",
  },
  eq5dLbpJapan2020: {
    key: "eq5dLbpJapan2020",
    text: "EQ-5D index change of about 0.08 corresponds to a 2-point NRS improvement in Japanese low back pain clinics (n = 161), 2020.",
    url: "https://pmc.ncbi.nlm.nih.gov/articles/PMC7053735/",
  },
  pickard2019: {
    key: "pickard2019",
    text: "Pickard AS et al. United States valuation of EQ-5D-5L health states using an international protocol. Value Health 2019;22(8):931–941.",
  },
  devlin2018: {
    key: "devlin2018",
    text: "Devlin NJ et al. Valuing health-related quality of life: an EQ-5D-5L value set for England. Health Econ 2018;27(1):7–22.",
  },
  euroQol: {
    key: "euroQol",
    text: "EuroQol Research Foundation. EQ-5D-5L: registration, licensing and terms of use (FAQ pages).",
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
