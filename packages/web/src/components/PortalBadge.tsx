import type { PatientSummary } from "@evident/domain/api";
import { Badge } from "@mantine/core";

const look: Record<PatientSummary["portal"], { color: string; label: string }> = {
  none: { color: "gray", label: "Not invited" },
  invited: { color: "yellow", label: "Invited" },
  active: { color: "green", label: "Portal active" },
};

export function PortalBadge({ portal }: { portal: PatientSummary["portal"] }) {
  const { color, label } = look[portal];
  return <Badge color={color}>{label}</Badge>;
}
