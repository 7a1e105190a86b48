/**
 * The measurement plan as a grid: a row per questionnaire, a column per timepoint, a tick where
 * the plan asks it. Administrators change it (a licensed questionnaire only once its licence is
 * confirmed) and save; everyone else reads it. A timepoint without ticks is not scheduled. The
 * server checks the plan again and its issues are listed by timepoint.
 */
import { timepointIds, timepointLabel } from "@evident/domain";
import type { Catalogue, PlanView } from "@evident/domain/api";
import { Button, Checkbox, Group, Paper, Stack, Table, Text, Title, VisuallyHidden } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconCheck } from "@tabler/icons-react";
import { useState } from "react";
import { isApiError } from "../../api/client";
import { useUpdatePlan } from "../../api/clinic-queries";
import { FormAlert } from "../../components/FormAlert";
import { formatDateTime } from "../../components/format";

type Plan = Record<string, string[]>;

const planOf = (view: PlanView): Plan =>
  Object.fromEntries(view.timepoints.map((t) => [t.timepoint, [...t.instruments]]));

/** Ticks or unticks, keeping the order the timepoint asks in (a newly ticked one goes last). */
export function toggled(plan: Plan, timepoint: string, id: string, on: boolean): Plan {
  const now = plan[timepoint] ?? [];
  const next = on ? [...now.filter((x) => x !== id), id] : now.filter((x) => x !== id);
  const out = { ...plan, [timepoint]: next };
  if (next.length === 0) delete out[timepoint];
  return out;
}

/** "timepoints.2w.3" → "2 weeks: …", for the issues the server names. */
function issueText(path: string, message: string): string {
  const tp = /^timepoints\.([^.]+)/.exec(path)?.[1];
  return tp ? `${timepointLabel(tp)}: ${message}` : path ? `${path}: ${message}` : message;
}

export function PlanEditor({
  view,
  catalogue,
  mayEdit,
}: {
  view: PlanView;
  catalogue: Catalogue;
  mayEdit: boolean;
}) {
  const [plan, setPlan] = useState<Plan>(() => planOf(view));
  const [problems, setProblems] = useState<string[]>([]);
  const update = useUpdatePlan();
  const changed = JSON.stringify(plan) !== JSON.stringify(planOf(view));
  const usable = (id: string) => {
    const entry = catalogue.items.find((i) => i.id === id);
    return !entry?.licence.agreementNeeded || entry.confirmation !== null;
  };

  const save = () => {
    setProblems([]);
    update.mutate(
      { timepoints: plan },
      {
        onSuccess: (saved) => {
          setPlan(planOf(saved));
          notifications.show({
            color: "green",
            title: "Plan saved",
            message: "New follow-ups will ask these questionnaires.",
          });
        },
        onError: (e) =>
          setProblems(
            isApiError(e) && e.issues.length > 0
              ? e.issues.map((i) => issueText(i.path, i.message))
              : [isApiError(e) ? e.message : "The plan was not saved."],
          ),
      },
    );
  };

  return (
    <Paper withBorder radius="md" p={{ base: "sm", sm: "md" }} component="section" aria-labelledby="plan-h">
      <Stack gap="sm">
        <div>
          <Title order={2} size="h4" id="plan-h">
            Measurement plan
          </Title>
          <Text size="sm" c="dimmed">
            What each timepoint asks. Follow-ups take the plan as it is when they are scheduled; changing it
            never changes a follow-up already scheduled. A timepoint with nothing ticked is not scheduled.
          </Text>
        </div>
        {/* A region keyboard users can scroll when it holds nothing else to focus (read-only). */}
        <Table.ScrollContainer
          minWidth={760}
          type="native"
          role="region"
          aria-label="Measurement plan, scrollable"
          tabIndex={mayEdit ? undefined : 0}
          // Holds the checkboxes' absolutely placed inputs: without a position of its own they
          // escaped it and widened a phone's page to 745 px.
          style={{ position: "relative" }}
        >
          <Table aria-labelledby="plan-h" striped={false} withRowBorders>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Questionnaire</Table.Th>
                {timepointIds.map((t) => (
                  <Table.Th scope="col" key={t} ta="center">
                    {timepointLabel(t)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {catalogue.items.map((entry) => (
                <Table.Tr key={entry.id}>
                  <Table.Th scope="row" fw={600}>
                    {entry.shortTitle}
                    {!usable(entry.id) && (
                      <Text size="xs" c="dimmed" fw={400}>
                        Licence not confirmed
                      </Text>
                    )}
                  </Table.Th>
                  {timepointIds.map((t) => {
                    const on = plan[t]?.includes(entry.id) ?? false;
                    const label = `${entry.shortTitle} at ${timepointLabel(t)}`;
                    return (
                      <Table.Td key={t} ta="center">
                        {mayEdit ? (
                          <Checkbox
                            aria-label={label}
                            checked={on}
                            disabled={!on && !usable(entry.id)}
                            onChange={(e) => {
                              const checked = e.currentTarget.checked;
                              setPlan((p) => toggled(p, t, entry.id, checked));
                            }}
                            styles={{ body: { justifyContent: "center" } }}
                          />
                        ) : on ? (
                          <>
                            <IconCheck size={18} aria-hidden />
                            <VisuallyHidden>{label}: asked</VisuallyHidden>
                          </>
                        ) : null}
                      </Table.Td>
                    );
                  })}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <FormAlert messages={problems} title="The plan was not saved" />
        <Group justify="space-between" gap="sm">
          <Text size="xs" c="dimmed">
            {view.updatedAt
              ? `Last changed ${formatDateTime(view.updatedAt)}${view.updatedBy ? ` by ${view.updatedBy}` : ""}.`
              : "As set up with the clinic."}
          </Text>
          {mayEdit && (
            <Group gap="sm">
              <Button variant="default" disabled={!changed} onClick={() => setPlan(planOf(view))}>
                Undo changes
              </Button>
              <Button onClick={save} disabled={!changed} loading={update.isPending}>
                Save plan
              </Button>
            </Group>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
