/**
 * @evident/db — PostgreSQL: the embedded cluster, the schema and migrations, and repositories.
 * Handlers get repositories already scoped to a clinic (and, for a patient, to one record).
 */
export * from "./audit";
export * from "./audit-anchors";
export * from "./audit-key";
export * from "./audit-verify";
export * from "./backup";
export * from "./cluster-owner";
export * from "./connect";
export * from "./embedded";
export * from "./errors";
export * from "./ids";
export * from "./repos/account-links";
export * from "./repos/adverse-event-export";
export * from "./repos/adverse-events";
export * from "./repos/audit-trail";
export * from "./repos/auth";
export * from "./repos/candidacy";
export * from "./repos/clinics";
export * from "./repos/decisions";
export * from "./repos/diary";
export * from "./repos/follow-up-contacts";
export * from "./repos/imaging";
export * from "./repos/intakes";
export * from "./repos/invitations";
export * from "./repos/jobs";
export * from "./repos/mfa";
export * from "./repos/outbox";
export * from "./repos/outcomes";
export * from "./repos/passwords";
export * from "./repos/patients";
export * from "./repos/plans";
export * from "./repos/portal";
export * from "./repos/problem-reports";
export * from "./repos/programme";
export * from "./repos/recovery";
export * from "./repos/registry-cases";
export * from "./repos/responses";
export * from "./repos/scope";
export * from "./repos/sessions";
export * from "./repos/staff";
export * from "./repos/tasks";
export * from "./repos/tokens";
export * from "./repos/treatments";
export * from "./roles";
export * as tables from "./schema";
export * from "./supervisor";
