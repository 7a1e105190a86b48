import type { FollowUpView } from "@evident/domain/api";
import { Badge } from "@mantine/core";

const look: Record<FollowUpView["status"], { color: string; label: string }> = {
  upcoming: { color: "gray", label: "Upcoming" },
  open: { color: "blue", label: "Open now" },
  completed: { color: "green", label: "Completed" },
  missed: { color: "orange", label: "Missed" },
  cancelled: { color: "gray", label: "Cancelled" },
};

export function FollowUpBadge({ status }: { status: FollowUpView["status"] }) {
  const { color, label } = look[status];
  return <Badge color={color}>{label}</Badge>;
}
