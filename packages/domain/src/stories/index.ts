/** Patients' stories: the de-identification check, and the decision aid's stated selection rule. */
export * from "./deidentify";
export * from "./selection";
