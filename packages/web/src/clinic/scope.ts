import type { Me } from "@evident/domain/api";

type StaffMe = Extract<Me, { kind: "staff" }>;

/**
 * What the header says the data on screen belong to: a researcher's outcomes pool every clinic,
 * so naming the clinic their account happens to sit in would say the opposite of the figures.
 */
export const scopeLabel = (me: Pick<StaffMe, "role" | "clinic">): string =>
  me.role === "researcher" ? "All clinics, pooled and de-identified" : me.clinic.name;
