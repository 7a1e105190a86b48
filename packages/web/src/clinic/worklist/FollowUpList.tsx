/**
 * The worklist's Follow-ups view: every follow-up open now or opening within a week, closing
 * soonest first, narrowed to the ones whose target date has passed or to those nobody has contacted
 * yet — the two lists a coordinator works through by phone.
 */
import { SegmentedControl, Stack, Text } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { useState } from "react";
import { useDueFollowUps } from "../../api/worklist";
import { localToday } from "../../components/format";
import { ListPager, toTop } from "../../components/ListPager";
import { LoadError, Loading } from "../../components/QueryStates";
import { FollowUpTable } from "./FollowUpTable";

type Filter = "all" | "late" | "uncontacted";

/** Rows per page: a busy clinic has well over a hundred follow-ups open in a week. */
const PAGE_SIZE = 50;

export function FollowUpList() {
  const today = localToday();
  const [filter, setFilter] = useState<Filter>("all");
  const [page, setPage] = useState(1);
  // The three choices side by side need about 530 px: stacked on a phone.
  const narrow = useMediaQuery("(max-width: 36em)") ?? false;
  const followUps = useDueFollowUps();
  if (followUps.isPending) return <Loading label="Loading the follow-ups…" />;
  if (followUps.isError)
    return <LoadError error={followUps.error} retry={() => void followUps.refetch()} what="follow-ups" />;
  const all = followUps.data.items;
  const late = all.filter((f) => f.windowStart <= today && f.dueDate < today);
  const uncontacted = all.filter((f) => f.windowStart <= today && f.contacts === 0);
  const chosen = filter === "late" ? late : filter === "uncontacted" ? uncontacted : all;
  const pages = Math.max(1, Math.ceil(chosen.length / PAGE_SIZE));
  const at = Math.min(page, pages);
  const shown = chosen.slice((at - 1) * PAGE_SIZE, at * PAGE_SIZE);
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        Follow-ups open now or opening within 7 days, the window closing soonest first. Invitations and
        reminders go out by themselves; after the second reminder a coordinator task asks for a call.
      </Text>
      <SegmentedControl
        aria-label="Show"
        value={filter}
        onChange={(v) => {
          setFilter(v as Filter);
          setPage(1);
        }}
        orientation={narrow ? "vertical" : "horizontal"}
        fullWidth={narrow}
        data={[
          { value: "all", label: `All (${all.length})` },
          { value: "late", label: `Target date passed (${late.length})` },
          { value: "uncontacted", label: `Open, not contacted (${uncontacted.length})` },
        ]}
        style={narrow ? undefined : { alignSelf: "flex-start" }}
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
        <>
          <FollowUpTable items={shown} today={today} caption="Follow-ups" />
          <ListPager
            label="Follow-up list pages"
            page={at}
            pageSize={PAGE_SIZE}
            total={chosen.length}
            offset={(at - 1) * PAGE_SIZE}
            shown={shown.length}
            onPage={(p) => {
              setPage(p);
              toTop();
            }}
          />
        </>
      )}
    </Stack>
  );
}
