/**
 * The demo's people who can sign in: the staff of the two demo clinics and one portal patient,
 * all with one published password (it is demo data; `evident start` prints them). Two clinics so
 * that a researcher's pooled view differs from a clinic's own.
 */
export const DEMO_PASSWORD = "evident-demo-password";
export const DEMO_CLINIC = "Demo Spine Clinic";
export const SECOND_CLINIC = "Harbour Pain Centre";
export const DEMO_CLINICS = [DEMO_CLINIC, SECOND_CLINIC] as const;

export type StaffRole = "admin" | "clinician" | "coordinator" | "researcher";

export const demoStaff = [
  { clinic: DEMO_CLINIC, role: "clinician", email: "clinician@demo.evident.test", name: "Dr Dana Reyes" },
  { clinic: DEMO_CLINIC, role: "coordinator", email: "coordinator@demo.evident.test", name: "Sam Okafor" },
  { clinic: DEMO_CLINIC, role: "admin", email: "admin@demo.evident.test", name: "Alex Admin" },
  { clinic: DEMO_CLINIC, role: "researcher", email: "researcher@demo.evident.test", name: "Riley Research" },
  {
    clinic: SECOND_CLINIC,
    role: "clinician",
    email: "clinician@harbour.evident.test",
    name: "Dr Tomas Lindqvist",
  },
] as const satisfies readonly { clinic: string; role: StaffRole; email: string; name: string }[];

/** The portal patient: in the demo clinic, with a follow-up open on the day of seeding. */
export const demoPortalPatient = {
  clinic: DEMO_CLINIC,
  role: "patient",
  email: "patient@demo.evident.test",
  name: "Jamie Rivers",
  givenName: "Jamie",
  familyName: "Rivers",
} as const;

/** Every demo sign-in, staff first; `evident start` prints these. */
export const demoSignIns = [
  ...demoStaff,
  {
    clinic: demoPortalPatient.clinic,
    role: demoPortalPatient.role,
    email: demoPortalPatient.email,
    name: demoPortalPatient.name,
  },
] as const;
