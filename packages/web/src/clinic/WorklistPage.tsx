/**
 * The clinic's worklist: one screen, one entry in the menu, three views of it. "Everything" puts
 * what needs doing side by side, most urgent first (adverse-event reports due, open tasks,
 * follow-ups closing); "Triage" is the triage queue — the red flags from the safety questions,
 * emergency and urgent first with their deadlines, each reviewed on the patient page; "All tasks"
 * lists every task, open or done, and closes them; "Follow-ups" lists every follow-up open or
 * opening within a week, for the coordinator's calls. The view is in the address (`?view=`), so a
 * link (and the old /tasks address) opens the right one.
 */
import { Alert, Anchor, Badge, Stack, Tabs, Title } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import { Link, useSearchParams } from "react-router";
import { useTasks } from "../api/triage";
import { PageHeader } from "../components/PageHeader";
import { usePageTitle } from "../components/usePageTitle";
import { FollowUpList } from "./worklist/FollowUpList";
import { Overview } from "./worklist/Overview";
import { TaskQueue } from "./worklist/TaskQueue";

const views = ["everything", "triage", "follow-ups", "tasks"] as const;
type View = (typeof views)[number];

/** Open red flags, for the Triage tab's count and the banner on the other views. */
function useOpenTriage() {
  const triage = useTasks("open", undefined, "triage");
  const items = triage.data?.items ?? [];
  return {
    count: items.length,
    pressing: items.filter((t) => t.priority === "emergency" || t.priority === "urgent").length,
    emergencies: items.filter((t) => t.priority === "emergency").length,
  };
}

export function WorklistPage() {
  const [params, setParams] = useSearchParams();
  const asked = params.get("view");
  const view: View = (views as readonly string[]).includes(asked ?? "") ? (asked as View) : "everything";
  usePageTitle(
    view === "triage"
      ? "Triage queue"
      : view === "tasks"
        ? "All tasks"
        : view === "follow-ups"
          ? "Follow-ups due"
          : "Worklist",
  );
  const triage = useOpenTriage();
  return (
    <Stack gap={0} maw={1280}>
      <PageHeader title="Worklist" description="What needs doing, most urgent first" />
      {view !== "triage" && triage.pressing > 0 && (
        <Alert
          color="red"
          icon={<IconAlertTriangle aria-hidden />}
          mb="md"
          title={`${triage.pressing} red ${triage.pressing === 1 ? "flag" : "flags"} waiting for review${
            triage.emergencies > 0 ? ` (${triage.emergencies} emergency)` : ""
          }`}
        >
          <Anchor component={Link} to="/worklist?view=triage" inherit>
            Open the triage queue
          </Anchor>
        </Alert>
      )}
      <Tabs
        value={view}
        onChange={(v) => setParams(v && v !== "everything" ? { view: v } : {}, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List mb="md">
          <Tabs.Tab value="everything">Everything</Tabs.Tab>
          <Tabs.Tab
            value="triage"
            rightSection={
              triage.count > 0 ? (
                <Badge size="md" variant="filled" color={triage.emergencies > 0 ? "red.8" : "orange.9"}>
                  {triage.count}
                </Badge>
              ) : undefined
            }
          >
            Triage
          </Tabs.Tab>
          <Tabs.Tab value="follow-ups">Follow-ups</Tabs.Tab>
          <Tabs.Tab value="tasks">All tasks</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="everything">
          <Overview />
        </Tabs.Panel>
        <Tabs.Panel value="triage">
          <Title order={2} size="h3" mb="xs">
            Triage queue
          </Title>
          <TaskQueue queue="triage" />
        </Tabs.Panel>
        <Tabs.Panel value="follow-ups">
          <Title order={2} size="h3" mb="xs">
            Follow-ups due
          </Title>
          <FollowUpList />
        </Tabs.Panel>
        <Tabs.Panel value="tasks">
          <TaskQueue />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
