/**
 * A task queue on the worklist: emergency and urgent first, then by deadline (the server's order,
 * domain/tasks `compareTasks`), overdue deadlines in red, open or done. With `queue="triage"` it
 * is the triage queue: only the red-flag tasks from the safety questions. A task that closes with
 * its source (a triage) links to the patient page, where the review closes it.
 */

import type { TaskView } from "@evident/domain/api";
import { isOverdue, type TaskPriority } from "@evident/domain/tasks";
import { Anchor, Badge, Button, Card, EmptyState, Group, SegmentedControl, Stack, Text } from "@mantine/core";
import { IconChecklist } from "@tabler/icons-react";
import { useState } from "react";
import { Link } from "react-router";
import { useCompleteTask, useTasks } from "../../api/triage";
import { formatDateTime } from "../../components/format";
import { can, useStaff } from "../../components/Guards";
import { LoadError, Loading } from "../../components/QueryStates";

const priorityLook: Record<TaskPriority, { color: string; label: string }> = {
  emergency: { color: "red", label: "Emergency" },
  urgent: { color: "orange", label: "Urgent" },
  soon: { color: "blue", label: "Soon" },
  routine: { color: "gray", label: "Routine" },
};

/** A task's deadline, or when it was done; an open task past its deadline in red, as "Overdue". */
export function Due({ task, size = "sm" }: { task: TaskView; size?: "sm" | "xs" }) {
  if (task.status !== "open")
    return (
      <Text size={size}>
        Done {formatDateTime(task.completedAt)}
        {task.completedBy ? ` by ${task.completedBy.name}` : ""}
      </Text>
    );
  if (!task.dueAt)
    return (
      <Text size={size} c="dimmed">
        No deadline
      </Text>
    );
  const late = isOverdue({ status: task.status, dueAt: new Date(task.dueAt) }, new Date());
  return (
    <Text size={size} c={late ? "red.9" : undefined} fw={late ? 700 : undefined}>
      {late ? "Overdue: due " : "Due "}
      {formatDateTime(task.dueAt)}
    </Text>
  );
}

function TaskCard({ task, mayClose }: { task: TaskView; mayClose: boolean }) {
  const complete = useCompleteTask();
  const look = priorityLook[task.priority];
  return (
    <Card
      component="li"
      withBorder
      radius="md"
      padding="md"
      style={
        task.status === "open" ? { borderLeft: `6px solid var(--mantine-color-${look.color}-8)` } : undefined
      }
    >
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Group gap="xs">
            <Badge
              color={look.color}
              variant={task.status === "open" ? "filled" : "light"}
              // White on filled orange is 3.6:1, under WCAG's 4.5:1; black on it is 5.9:1.
              c={task.status === "open" && task.priority === "urgent" ? "black" : undefined}
            >
              {look.label}
            </Badge>
            <Due task={task} />
          </Group>
          <Text size="xs" c="dimmed">
            For a {task.assignedRole} · opened {formatDateTime(task.createdAt)}
          </Text>
        </Group>
        <Text fw={600}>{task.title}</Text>
        {task.detail && <Text size="sm">{task.detail}</Text>}
        {task.completionNote && (
          <Text size="sm" c="dimmed">
            Note: {task.completionNote}
          </Text>
        )}
        <Group gap="sm">
          {task.patientId && (
            <Anchor component={Link} to={`/patients/${task.patientId}`} size="sm">
              {task.closesWithSource && task.status === "open"
                ? "Review on the patient page"
                : "Open patient"}
              {task.patientName ? `: ${task.patientName}` : ""}
            </Anchor>
          )}
          {task.status === "open" && !task.closesWithSource && mayClose && (
            <Button
              size="xs"
              variant="light"
              loading={complete.isPending}
              onClick={() => complete.mutate({ id: task.id })}
            >
              Mark done
            </Button>
          )}
        </Group>
        {complete.isError && (
          <Text size="sm" c="red.9" role="alert">
            {complete.error.message}
          </Text>
        )}
      </Stack>
    </Card>
  );
}

/** `queue="triage"`: the triage queue; otherwise every task. */
export function TaskQueue({ queue }: { queue?: "triage" }) {
  const me = useStaff();
  const [status, setStatus] = useState<"open" | "done">("open");
  const tasks = useTasks(status, undefined, queue);
  const items = tasks.data?.items ?? [];
  const pressing = items.filter((t) => t.priority === "emergency" || t.priority === "urgent").length;
  const what = queue === "triage" ? "red flags" : "tasks";
  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end" gap="sm">
        <Text size="sm" maw={640}>
          {status === "open"
            ? `${items.length} open${pressing ? `, ${pressing} emergency or urgent` : ""}. ${
                queue === "triage"
                  ? "Red flags from the safety questions: emergency and urgent first, then by deadline. Reviewing the triage on the patient page closes its task."
                  : "Red flags from intake come first, then by deadline."
              }`
            : `Closed ${what}, most urgent first.`}
        </Text>
        <SegmentedControl
          aria-label={queue === "triage" ? "Which red flags" : "Which tasks"}
          value={status}
          onChange={(v) => setStatus(v as "open" | "done")}
          data={[
            { value: "open", label: "Open" },
            { value: "done", label: "Done" },
          ]}
        />
      </Group>
      {tasks.isPending ? (
        <Loading label={`Loading ${what}…`} />
      ) : tasks.isError ? (
        <LoadError error={tasks.error} retry={() => tasks.refetch()} what={what} />
      ) : items.length === 0 ? (
        <EmptyState
          icon={<IconChecklist aria-hidden />}
          title={
            status === "open"
              ? queue === "triage"
                ? "No red flag waiting for review"
                : "Nothing to do"
              : queue === "triage"
                ? "No reviewed red flags"
                : "No closed tasks"
          }
        />
      ) : (
        <Stack
          gap="sm"
          component="ul"
          m={0}
          p={0}
          style={{ listStyle: "none" }}
          aria-label={queue === "triage" ? "Triage queue" : "Tasks"}
        >
          {items.map((t) => (
            <TaskCard
              key={t.id}
              task={t}
              mayClose={
                can(me, "tasks:read") && (me.role !== "coordinator" || t.assignedRole === "coordinator")
              }
            />
          ))}
        </Stack>
      )}
    </Stack>
  );
}
