/** Data quality: the rules, and their check of one patient's record. */
export * from "./check";
export * from "./rules";
