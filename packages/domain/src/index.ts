/**
 * @evident/domain — pure clinical logic. No I/O, no database, no HTTP, no React: everything here
 * is a function of its inputs, tested beside its source.
 */
export * from "./access/policy";
export * from "./access/staff";
export * from "./access/throttle";
export * from "./catalogue/conditions";
export * from "./catalogue/treatments";
export * from "./catalogue/treatments-es";
export * from "./citations";
export * from "./clock";
export * from "./dates";
export * from "./emergency-number";
export * from "./errors";
export * from "./language";
export * from "./messages/patient-mail";
export * from "./pathway/schedule";
export * from "./time-zone";
