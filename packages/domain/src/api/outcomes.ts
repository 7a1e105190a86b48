/**
 * Response and query shapes of the outcomes API: the report (change and responders per treatment
 * and timepoint), the distribution of change, surgery-free survival and the adjusted comparison of
 * two treatments. Only aggregates: no shape here can carry a patient row or identifier, and every
 * estimate comes with the n it was computed from.
 */
export * from "./outcomes-comparison";
export * from "./outcomes-distribution";
export * from "./outcomes-query";
export * from "./outcomes-report";
export * from "./outcomes-shared";
export * from "./outcomes-survival";
