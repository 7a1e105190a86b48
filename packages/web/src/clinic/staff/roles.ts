/** Staff roles as the staff page names and explains them (permissions: domain/access/policy.ts). */
export const roleOptions = [
  { value: "admin", label: "Administrator", hint: "everything, including staff and clinic settings" },
  { value: "clinician", label: "Clinician", hint: "patients, treatments, triage reviews" },
  { value: "coordinator", label: "Coordinator", hint: "patients, invitations, the worklist" },
  { value: "researcher", label: "Researcher", hint: "pooled, de-identified outcomes only" },
] as const;

export const roleLabel = (role: string) => roleOptions.find((r) => r.value === role)?.label ?? role;
