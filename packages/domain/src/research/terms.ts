/**
 * The clinic's data-use terms for the de-identified export, versioned: acceptance is recorded
 * per person and version, and a new version needs a new acceptance before the next export. The
 * text is ours, written for research staff; a clinic whose agreements say more adds them to its
 * own data-use agreement, which these terms point to.
 */
export const dataUseTerms = {
  version: "2026-12-1",
  title: "Data-use terms for de-identified research exports",
  paragraphs: [
    "The files hold no names, contact details, record numbers or dates: dates are days from each patient's first treatment, ages over 89 are shown as 90+, and study ids are new in every export. Groups of fewer than 11 patients alike in age band, sex, condition and clinic are left out.",
    "You will use the files only for the research your clinic approved, keep them on systems your institution secures, and share them with no one outside the approved study team.",
    "You will not try to find out who any patient is, nor link the files with other data in a way that could identify someone. If you think a patient could be identified, stop, tell the clinic's data steward and delete the files.",
    "You will delete the files when the approved research ends, and cite the registry as your clinic's data-use agreement asks.",
    "Every export is recorded with who took it, when, the cohort and the checksum of each file.",
  ],
} as const;
export type DataUseTerms = typeof dataUseTerms;
