/**
 * Who may do what: small pure policies (after Outline's server/policies). The server checks them
 * before a handler runs; repositories are additionally scoped to the actor's clinic (and, for a
 * patient, to their own record), so a handler cannot reach another clinic's rows at all.
 *
 * Researchers see only de-identified, aggregated data: they hold no permission on identified
 * records.
 */

export const roles = ["admin", "clinician", "coordinator", "researcher"] as const;
export type Role = (typeof roles)[number];

export type Actor =
  | { kind: "staff"; userId: string; clinicId: string; role: Role; name: string }
  | { kind: "patient"; accountId: string; patientId: string; clinicId: string; name: string };

export const permissions = [
  "patients:read",
  "patients:write",
  "patients:invite",
  "treatments:write",
  "responses:write",
  "outbox:read",
  "outcomes:read",
  "audit:read",
  /** See the clinic's task queue and close tasks (which ones: tasks/mayCloseTask). */
  "tasks:read",
  /** Review a patient's red-flag triage (lifts the hold on procedures and the decision aid). */
  "triage:review",
  /** Sign off a candidacy assessment for a regenerative procedure. */
  "candidacy:sign",
  /** Change the clinic's measurement plan and confirm its instrument licences. */
  "clinic:configure",
  /** Invite staff, change their roles, disable them, end their sessions, set the MFA rule. */
  "staff:manage",
  /** Take a de-identified research export (after accepting the data-use terms). */
  "research:export",
] as const;
export type Permission = (typeof permissions)[number];

const grants: Record<Role, readonly Permission[]> = {
  admin: [
    "patients:read",
    "patients:write",
    "patients:invite",
    "treatments:write",
    "responses:write",
    "outbox:read",
    "outcomes:read",
    "audit:read",
    "tasks:read",
    "triage:review",
    "candidacy:sign",
    "clinic:configure",
    "staff:manage",
    "research:export",
  ],
  clinician: [
    "patients:read",
    "patients:write",
    "patients:invite",
    "treatments:write",
    "responses:write",
    "outbox:read",
    "outcomes:read",
    "tasks:read",
    "triage:review",
    "candidacy:sign",
  ],
  coordinator: [
    "patients:read",
    "patients:write",
    "patients:invite",
    "responses:write",
    "outbox:read",
    "outcomes:read",
    "tasks:read",
  ],
  researcher: ["outcomes:read", "research:export"],
};

export function can(actor: Actor, permission: Permission): boolean {
  if (actor.kind === "patient") return false;
  return grants[actor.role].includes(permission);
}

/**
 * Who may record an investigational treatment without a current, eligible candidacy sign-off
 * (candidacy/gate.ts), giving a reason: whoever may sign off a candidacy assessment — clinicians,
 * and admins, who hold every clinical permission. Setting the checklist aside is a candidacy
 * judgement, so it needs the same standing as making one; coordinators and researchers hold
 * neither (and coordinators cannot record treatments at all).
 */
export const mayOverrideCandidacy = (actor: Actor): boolean => can(actor, "candidacy:sign");

export function grantsOf(role: Role): readonly Permission[] {
  return grants[role];
}

/**
 * Who may approve a patient's story for the decision aid (domain/stories): a clinician, who answers
 * for it being fair to the patient and free of what identifies them. Coordinators and admins may
 * draft one (`patients:write`) but not approve it: a story put before other patients is a
 * clinical judgement, so administrators, who are not necessarily clinicians, do not hold it.
 */
export const mayApproveStory = (actor: Actor): boolean =>
  actor.kind === "staff" && actor.role === "clinician";
