/**
 * The worklist's Follow-ups view: every follow-up open now or opening within a week, closing
 * soonest first, narrowed to the ones whose target date has passed or to those nobody has contacted
 * yet — the two lists a coordinator works through by phone.
 */
import { SegmentedControl, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useDueFollowUps } from "../../api/worklist";
import { localToday } from "../../components/format";
import { LoadError, Loading } from "../../components/QueryStates";
import { FollowUpTable } from "./FollowUpTable";

type Filter = "all" | "late" | "uncontacted";

export function FollowUpList() {
  const today = localToday();
  const [filter, setFilter] = useState<Filter>("all");
  const followUps = useDueFollowUps();
  if (followUps.isPending) return <Loading label="Loading the follow-ups…" />;
  if (followUps.isError)
    return <LoadError error={followUps.error} retry={() => void followUps.refetch()} what="follow-ups" />;
  const all = followUps.data.items;
  const late = all.filter((f) => f.windowStart <= today && f.dueDate < today);
  const uncontacted = all.filter((f) => f.windowStart <= today && f.contacts === 0);
  const shown = filter === "late" ? late : filter === "uncontacted" ? uncontacted : all;
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        Follow-ups open now or opening within 7 days, the window closing soonest first. Invitations and
        reminders go out by themselves; after the second reminder a coordinator task asks for a call.
      </Text>
      <SegmentedControl
        aria-label="Show"
        value={filter}
        onChange={(v) => setFilter(v as Filter)}
        data={[
          { value: "all", label: `All (${all.length})` },
          { value: "late", label: `Target date passed (${late.length})` },
          { value: "uncontacted", label: `Open, not contacted (${uncontacted.length})` },
        ]}
        style={{ alignSelf: "flex-start" }}
      />
      {shown.length === 0 ? (
        <Text size="sm" c="dimmed">
          {filter === "all"
            ? "No follow-up is open or opening this week."
            : filter === "late"
              ? "No open follow-up is past its target date."
              : "Every open follow-up has had an invitation."}
        </Text>
      ) : (
        <FollowUpTable items={shown} today={today} caption="Follow-ups" />
      )}
    </Stack>
  );
}
