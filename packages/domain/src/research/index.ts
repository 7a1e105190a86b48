/** The de-identified research export: cohort filters, Safe Harbor rules, REDCap and tidy CSV layouts. */
export * from "./cohort";
export * from "./deidentify";
export * from "./outputs";
export * from "./redcap";
export * from "./saved-cohort";
export * from "./survival";
export * from "./terms";
export * from "./tidy";
