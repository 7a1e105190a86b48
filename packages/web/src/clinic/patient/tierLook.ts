/** How a triage tier looks on the clinic's screens. */
export const tierColor = { emergency: "red", urgent: "orange", soon: "blue", none: "green" } as const;
/** For filled badges and buttons (white text): orange's shade 8 is below 4.5:1, so urgent takes 9. */
export const tierFill = { emergency: "red", urgent: "orange.9", soon: "blue", none: "green" } as const;
export const tierLabel = {
  emergency: "Emergency",
  urgent: "Urgent",
  soon: "Review before decision aid",
  none: "No red flags",
} as const;

/**
 * A tier's badge text once a clinician has reviewed it: "Review before decision aid" is an
 * instruction, and stays no longer than the review it asks for.
 */
export const tierBadgeLabel = (tier: keyof typeof tierLabel, reviewed: boolean): string =>
  reviewed && tier === "soon" ? "Flags reviewed" : tierLabel[tier];
