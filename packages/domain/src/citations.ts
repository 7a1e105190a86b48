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
  cdcOpioids2022: {
    key: "cdcOpioids2022",
    text: "Dowell D, Ragan KR, Jones CM, Baldwin GT, Chou R. CDC Clinical Practice Guideline for Prescribing Opioids for Pain — United States, 2022. MMWR Recomm Rep 2022;71(No. RR-3):1–95. Morphine milligram equivalent conversion factors table.",
    doi: "10.15585/mmwr.rr7103a1",
  },
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
    text: "Levi D et al. Bone marrow concentrate intradiscal injection for chronic discogenic low back pain: a double-blind randomized sham-controlled trial (n = 63: 45 bone marrow concentrate, 18 sham). Interv Pain Med 2025;4(3):100611.",
    doi: "10.1016/j.inpm.2025.100611",
  },
  clement2015: {
    key: "clement2015",
    text: "Clement RC et al. A proposed set of metrics for standardized outcome reporting in the management of low back pain (ICHOM). Acta Orthop 2015;86(5):523–533.",
    doi: "10.3109/17453674.2015.1036696",
  },

  // Intake triage (red flags) and STarT Back routing.
  niceNg59: {
    key: "niceNg59",
    text: "National Institute for Health and Care Excellence. Low back pain and sciatica in over 16s: assessment and management (NG59). Published 30 November 2016, updated 11 December 2020.",
    url: "https://www.nice.org.uk/guidance/ng59",
  },
  niceCks: {
    key: "niceCks",
    text: "NICE Clinical Knowledge Summaries: low back pain and sciatica, red flags for serious causes (cauda equina syndrome, malignancy, infection, fracture).",
  },
  glosRedFlags: {
    key: "glosRedFlags",
    text: "NHS Gloucestershire. Red flags for spinal conditions (clinical pathway).",
  },
  chou2007: {
    key: "chou2007",
    text: "Chou R et al. American College of Physicians / American Pain Society guideline on the diagnosis and treatment of low back pain. Ann Intern Med 2007;147:478–491.",
  },
  chou2011: {
    key: "chou2011",
    text: "Chou R et al. Diagnostic imaging for low back pain: American College of Physicians high-value care advice. Ann Intern Med 2011;154:181–189.",
  },
  downie2013: {
    key: "downie2013",
    text: "Downie A et al. Red flags to screen for malignancy and fracture in low back pain (systematic review). BMJ 2013;347:f7095.",
    doi: "10.1136/bmj.f7095",
  },
  henschke2009: {
    key: "henschke2009",
    text: "Henschke N et al. Prevalence of and screening for serious spinal pathology in patients presenting to primary care settings with acute low back pain (inception cohort, n = 1,172). Arthritis Rheum 2009;60:3072–3080: of the guideline fracture flags, only prolonged corticosteroid use, age over 70 and significant trauma were informative.",
    doi: "10.1002/art.24853",
  },
  emergencyNumbers: {
    key: "emergencyNumbers",
    text: "National emergency numbers: 112 in every EU member state (Directive (EU) 2018/1972, European Electronic Communications Code, Art. 109); 911 in the United States, Canada and Mexico (FCC; CRTC; Mexico's national 911 service since 2017); 999 (and 112) in the United Kingdom (Ofcom); 000 in Australia (Triple Zero); 111 in New Zealand.",
    url: "https://eur-lex.europa.eu/eli/dir/2018/1972/oj",
  },
  verhagen2016: {
    key: "verhagen2016",
    text: "Verhagen AP et al. Red flags in current low back pain guidelines (review of 16 national guidelines). Eur Spine J 2016;25:2788–2802.",
    doi: "10.1007/s00586-016-4684-0",
  },
  rudwaleit2006: {
    key: "rudwaleit2006",
    text: "Rudwaleit M et al. Inflammatory back pain criteria (the 'Berlin criteria': morning stiffness over 30 minutes, improvement with exercise but not rest, waking in the second half of the night, alternating buttock pain). Arthritis Rheum 2006.",
  },
  robinson2013: {
    key: "robinson2013",
    text: "Robinson D, Mees B, Verhagen H, Chuen J. Aortic aneurysms: screening, surveillance and referral. Aust Fam Physician 2013;42(6): symptomatic and ruptured aneurysms need emergency assessment and treatment.",
    url: "https://www.racgp.org.au/afp/2013/june/aortic-aneurysms",
  },
  hill2011: {
    key: "hill2011",
    text: "Hill JC et al. Comparison of stratified primary care management for low back pain with current best practice (STarT Back): a randomised controlled trial. Lancet 2011;378:1560–1571.",
    doi: "10.1016/S0140-6736(11)60937-9",
  },
  // Candidacy for a regenerative disc procedure: the trial eligibility criteria.
  nct06325566: {
    key: "nct06325566",
    text: "Mesoblast MSB-DR004: rexlemestrocel-L with hyaluronic acid versus saline in chronic low back pain, phase 3 (n = 300), eligibility criteria. ClinicalTrials.gov NCT06325566.",
    url: "https://clinicaltrials.gov/study/NCT06325566",
  },
  nct04042844: {
    key: "nct04042844",
    text: "Intradiscal biologic trial in chronic discogenic low back pain, eligibility criteria. ClinicalTrials.gov NCT04042844.",
    url: "https://clinicaltrials.gov/study/NCT04042844",
  },
  // Regulation of cell and tissue products (US).
  cfr1271_10a: {
    key: "cfr1271_10a",
    text: "21 CFR 1271.10(a): the four criteria for an HCT/P to be regulated solely under section 361 of the PHS Act (minimal manipulation, homologous use, not combined with another article, no systemic effect or autologous/first- or second-degree relative/reproductive use).",
    url: "https://www.ecfr.gov/current/title-21/chapter-I/subchapter-L/part-1271",
  },
  cfr1271_15b: {
    key: "cfr1271_15b",
    text: "21 CFR 1271.15(b): Part 1271 does not apply to an establishment that removes HCT/Ps from an individual and implants such HCT/Ps into the same individual during the same surgical procedure.",
    url: "https://www.ecfr.gov/current/title-21/chapter-I/subchapter-L/part-1271",
  },
  cfr1271_3d: {
    key: "cfr1271_3d",
    text: "21 CFR 1271.3(d): definition of HCT/P and what it excludes (among others: blood and blood components; secreted or extracted products; minimally manipulated bone marrow for homologous use not combined with another article).",
    url: "https://www.ecfr.gov/current/title-21/chapter-I/subchapter-L/part-1271",
  },
  fdaSspGuidance2017: {
    key: "fdaSspGuidance2017",
    text: "US FDA. Same Surgical Procedure Exception under 21 CFR 1271.15(b): Questions and Answers Regarding the Scope of the Exception. Final guidance, November 2017 (82 FR 54289; Docket FDA-2014-D-1584).",
  },
  fdaHctpGuidance2017: {
    key: "fdaHctpGuidance2017",
    text: "US FDA. Guidance on minimal manipulation and homologous use of human cells, tissues, and cellular and tissue-based products. November 2017; revised July 2020.",
  },
  fdaAdiposeDraft2014: {
    key: "fdaAdiposeDraft2014",
    text: "US FDA. Draft guidance on human cells, tissues, and cellular and tissue-based products from adipose tissue (December 2014): fat is a structural tissue; isolating stromal vascular fraction is more than minimal manipulation.",
  },
  usStemCellClinic2021: {
    key: "usStemCellClinic2021",
    text: "United States v. US Stem Cell Clinic, LLC, 403 F.Supp.3d 1279 (S.D. Fla. 2019), affirmed, No. 19-13276 (11th Cir. 2 June 2021): stromal vascular fraction is a drug.",
  },
  californiaStemCell2024: {
    key: "californiaStemCell2024",
    text: "United States v. California Stem Cell Treatment Center, No. 22-56014 (9th Cir. 27 September 2024): stromal vascular fraction is a drug and the same-surgical-procedure exception does not apply; the Supreme Court declined review in October 2025 (AABB news, 15 October 2025). The record cites $8,900 for one SVF treatment and $41,500 for a 12-treatment package, not covered by insurance.",
  },
  // Evidence for the decision aid.
  costa2012: {
    key: "costa2012",
    text: "Costa LdCM et al. The prognosis of acute and persistent low-back pain: a meta-analysis of inception cohorts (33 cohorts, 11,166 people; acute cohorts, and persistent ones with pain for 12 weeks to 12 months). CMAJ 2012;184:E613–E624.",
    doi: "10.1503/cmaj.111271",
  },
  qaseem2017: {
    key: "qaseem2017",
    text: "Qaseem A et al. American College of Physicians guideline on noninvasive treatments for acute, subacute and chronic low back pain. Ann Intern Med 2017;166:514–530.",
    doi: "10.7326/M16-2367",
  },
  chou2017: {
    key: "chou2017",
    text: "Chou R et al. Nonpharmacologic therapies for low back pain (systematic review for the ACP guideline). Ann Intern Med 2017;166:493–505.",
  },
  who2023: {
    key: "who2023",
    text: "World Health Organization. WHO guideline for non-surgical management of chronic primary low back pain in adults in primary and community care settings. Geneva: WHO; 2023 (ISBN 978-92-4-008178-9).",
  },
  whoExerciseReview2023: {
    key: "whoExerciseReview2023",
    text: "Systematic review of structured exercise programmes for chronic primary low back pain, informing the WHO 2023 guideline: versus no intervention, pain SMD −0.33 (−0.58 to −0.08), function SMD −0.31 (−0.57 to −0.05), moderate certainty. J Occup Rehabil 2023.",
    doi: "10.1007/s10926-023-10124-4",
  },
  owen2020: {
    key: "owen2020",
    text: "Owen PJ et al. Network meta-analysis of exercise modes for chronic low back pain (89 RCTs). Br J Sports Med 2020;54:1279.",
  },
  chou2015: {
    key: "chou2015",
    text: "Chou R et al. Epidural corticosteroid injections for radiculopathy and spinal stenosis (meta-analysis of 30 placebo-controlled RCTs for radiculopathy, with strength-of-evidence ratings). Ann Intern Med 2015;163:373–381.",
    doi: "10.7326/M15-0934",
  },
  juch2017: {
    key: "juch2017",
    text: "Juch JNS et al. Effect of radiofrequency denervation on pain intensity among patients with chronic low back pain: the Mint randomized clinical trials (3 pragmatic, non-blinded trials, n = 681; radiofrequency denervation added to an exercise programme versus the programme alone). JAMA 2017;318(1):68–81.",
    doi: "10.1001/jama.2017.7918",
  },
  maas2015: {
    key: "maas2015",
    text: "Maas ET et al. Radiofrequency denervation for chronic low back pain (Cochrane review: 23 RCTs, 1,309 participants; GRADE). Cochrane Database Syst Rev 2015;(10):CD008572.",
    doi: "10.1002/14651858.CD008572.pub2",
  },
  peul2007: {
    key: "peul2007",
    text: "Peul WC et al. Surgery versus prolonged conservative treatment for sciatica (RCT, n = 283: 141 early surgery, 142 prolonged conservative care). N Engl J Med 2007;356:2245–2256; 2-year results BMJ 2008;336:1355.",
    doi: "10.1056/NEJMoa064039",
  },
  weinstein2006: {
    key: "weinstein2006",
    text: "Weinstein JN et al. Spine Patient Outcomes Research Trial (SPORT): surgery versus nonoperative care for lumbar disc herniation. JAMA 2006;296:2441–2450; 4-year results, Spine 2008;33:2789–2800.",
  },
  fairbank2005: {
    key: "fairbank2005",
    text: "Fairbank J et al. MRC spine stabilisation trial: fusion versus intensive rehabilitation for chronic low back pain (RCT, n = 349: 176 surgery, 173 rehabilitation). BMJ 2005;330:1233.",
  },
  brox2003: {
    key: "brox2003",
    text: "Brox JI et al. Lumbar fusion versus cognitive intervention and exercises for chronic low back pain (RCT). Spine 2003;28:1913; long-term follow-up: Froholdt A et al. Eur Spine J 2012;21:2531.",
  },
  krebs2018: {
    key: "krebs2018",
    text: "Krebs EE et al. SPACE randomized trial: opioid versus nonopioid medicines for chronic back pain or hip or knee osteoarthritis pain (n = 240, 120 per group). JAMA 2018;319:872–882.",
    doi: "10.1001/jama.2018.0899",
  },
  xie2021: {
    key: "xie2021",
    text: "Xie B et al. Meta-analysis of randomized controlled trials of mesenchymal stem cells for degenerative disc disease. Stem Cells Int 2021:9149315.",
  },
  zhang2023: {
    key: "zhang2023",
    text: "Zhang W et al. Stem cell therapy for discogenic low back pain: meta-analysis of 9 studies (245 patients; pre–post changes, not against a control). Front Bioeng Biotechnol 2023.",
    doi: "10.3389/fbioe.2023.1155357",
  },
  soufi2023: {
    key: "soufi2023",
    text: "Soufi KH et al. Systematic review of stem cell therapy for disc degeneration in humans. Int J Mol Sci 2023;24:8893.",
    doi: "10.3390/ijms24108893",
  },
  mesoblastDr003: {
    key: "mesoblastDr003",
    text: "Mesoblast MSB-DR003: allogeneic mesenchymal precursor cells (rexlemestrocel-L) with or without hyaluronic acid versus saline, phase 3 (n = 404); composite primary endpoint not met across the study. ClinicalTrials.gov NCT02412735 and sponsor releases.",
    url: "https://clinicaltrials.gov/study/NCT02412735",
  },
  pettine2016: {
    key: "pettine2016",
    text: "Pettine K et al. Intradiscal autologous bone marrow concentrate for degenerative disc disease (n = 26, no control group). Int Orthop 2016;40:135–140; 3-year report 2017.",
    doi: "10.1007/s00264-015-2886-4",
  },
  centeno2017: {
    key: "centeno2017",
    text: "Centeno C et al. Culture-expanded autologous bone-marrow mesenchymal stem cells injected into the disc (registry series, n = 33, no control group). J Transl Med 2017;15:197.",
  },
  kumar2017: {
    key: "kumar2017",
    text: "Kumar H et al. Autologous adipose-derived mesenchymal stem cells with hyaluronic acid injected into the disc (phase I, n = 10). Stem Cell Res Ther 2017;8:262.",
    doi: "10.1186/s13287-017-0710-3",
  },
  levi2016: {
    key: "levi2016",
    text: "Levi D et al. Intradiscal platelet-rich plasma injection for chronic discogenic low back pain: preliminary results from a prospective trial. Pain Med 2016;17:1010–1022 (n = 22, no control group; success = at least 50% less pain and 30% lower Oswestry index).",
    doi: "10.1093/pm/pnv053",
  },
  tuakliWosornu2016: {
    key: "tuakliWosornu2016",
    text: "Tuakli-Wosornu YA et al. Lumbar intradiskal platelet-rich plasma (PRP) injections: a prospective, double-blind, randomized controlled study (n = 47 analysed: 29 PRP, 18 contrast agent). PM R 2016;8:1–10. PRP better than control on pain, function and satisfaction over 8 weeks; controls could cross over after 8 weeks.",
  },
  rugpoliPrpTrial: {
    key: "rugpoliPrpTrial",
    text: "Randomized controlled trial of intradiscal PRP versus saline (with cefazolin) in chronic discogenic low back pain without Modic changes (Stichting Rugpoli, Netherlands; 98 randomized, 89 analysed): no difference in pain, disability or SF-12 at 12 months; one spondylodiscitis after PRP.",
    url: "https://pmc.ncbi.nlm.nih.gov/articles/PMC11373021",
  },
  navani2019: {
    key: "navani2019",
    text: "Navani A et al. American Society of Interventional Pain Physicians (ASIPP) guideline on biologics in low back pain. Pain Physician 2019;22:S1–S74.",
  },
  // The education library (library/): what "stem cell" shots are, and judging a clinic's claims.
  fdaApprovedCellular: {
    key: "fdaApprovedCellular",
    text: "US FDA. Approved Cellular and Gene Therapy Products (list). The stem-cell products on it are cord-blood haematopoietic progenitor cell products, omidubicel (Omisirge) and remestemcel-L (Ryoncil, December 2024, for steroid-refractory acute graft-versus-host disease in children); none is for a musculoskeletal or spine condition.",
    url: "https://www.fda.gov/vaccines-blood-biologics/cellular-gene-therapy-products/approved-cellular-and-gene-therapy-products",
  },
  fdaStemCellClaims: {
    key: "fdaStemCellClaims",
    text: "US FDA. Consumer Update: FDA Warns About Stem Cell Claims (consumer information on stem cells): ask the treating physician whether the necessary FDA approval has been obtained, or whether the treatment is part of a clinical study run under FDA regulations, and about the risks and benefits, before being treated.",
    url: "http://www.fda.gov/NewsEvents/PublicHealthFocus/ucm286218.htm",
  },
  ftcRegenerativeMedical2018: {
    key: "ftcRegenerativeMedical2018",
    text: "US Federal Trade Commission v. Regenerative Medical Group, Inc., Telehealth Medical Group, Inc. and Bryn Jarald Henderson (C.D. Cal., complaint and stipulated order, October 2018): the FTC's first action against stem cell clinics; claims that a treatment cures, mitigates or treats a disease, or is as good as conventional care, must be true and supported by competent and reliable scientific evidence. FTC business blog, L. Fair, 'Stemming unproven stem cell therapy claims', 19 October 2018.",
  },
  pittenger2004: {
    key: "pittenger2004",
    text: "Pittenger MF, Martin BJ. Mesenchymal stem cells and their potential as cardiac therapeutics. Circ Res 2004;95(1):9–20: mesenchymal stem cells are between 0.01% and 0.001% of the nucleated cells of adult human bone marrow (also BioNumbers 113200). Alvarez-Viejo M et al., Transplant Proc 2013, measured 0.0017–0.0201% in marrow taken for cell therapy.",
    doi: "10.1161/01.RES.0000135902.99383.6f",
  },
  // Public reporting of a clinic's results (the track-record page).
  spiegelhalter2005: {
    key: "spiegelhalter2005",
    text: "Spiegelhalter DJ. Funnel plots for comparing institutional performance. Stat Med 2005;24(8):1185–1202: a provider outside the control limits is a reason to look closer, and case mix a risk model does not capture can place it there.",
    doi: "10.1002/sim.1970",
  },
  cmsCellSize: {
    key: "cmsCellSize",
    text: "Centers for Medicare & Medicaid Services. Cell Size Suppression Policy (ResDAC): no cell of 1 to 10 beneficiaries may be shown, nor any figure from which such a cell can be derived.",
    url: "https://resdac.org/articles/cms-cell-size-suppression-policy",
  },
  // Decision-aid standards.
  elwyn2009: {
    key: "elwyn2009",
    text: "Elwyn G et al. The International Patient Decision Aid Standards instrument (IPDASi). PLoS One 2009.",
  },
  josephWilliams2014: {
    key: "josephWilliams2014",
    text: "Joseph-Williams N et al. Minimum standards for certifying patient decision aids (IPDASi v4.0: 6 qualifying and 6 general certification criteria). Med Decis Making 2014;34:699–710.",
    doi: "10.1177/0272989X13501721",
  },
  stacey2017: {
    key: "stacey2017",
    text: "Stacey D et al. Decision aids for people facing treatment or screening decisions (Cochrane review: 105 RCTs, 31,043 participants). Cochrane Database Syst Rev 2017, CD001431.pub5.",
  },
} as const satisfies Record<string, Citation>;

export type CitationKey = keyof typeof citations;
