/**
 * Which measures the report shows: checkboxes in one fieldset per group (pain, disability and
 * function, mood, quality of life, global impression), folded behind a button that says how many
 * are chosen; and the chosen measures' definitions — which way is better, the responder rule, its
 * source and how sure we are of it (the domain's measure table).
 */

import { responderRule } from "@evident/domain/outcomes";
import {
  Badge,
  Button,
  Checkbox,
  Collapse,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { IconAdjustments } from "@tabler/icons-react";
import { useId, useState } from "react";
import { betterText, measureById, measureGroups, measureTitle, ruleSource } from "./measure-choice";
import { ScrollTable } from "./ScrollTable";

export function MeasurePicker({
  chosen,
  onToggle,
}: {
  chosen: readonly string[];
  /** One measure turned on or off (applied to the latest choice, so quick clicks are not lost). */
  onToggle: (id: string, on: boolean) => void;
}) {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <Stack gap="xs">
      <div>
        <Button
          variant="light"
          size="compact-sm"
          leftSection={<IconAdjustments size={16} aria-hidden />}
          aria-expanded={open}
          aria-controls={id}
          onClick={() => setOpen((o) => !o)}
        >
          {open ? "Hide the measures" : `Choose measures (${chosen.length} shown)`}
        </Button>
      </div>
      <Collapse expanded={open}>
        <SimpleGrid id={id} cols={{ base: 1, sm: 2, lg: 5 }} spacing="sm">
          {measureGroups.map((g) => (
            <Checkbox.Group
              key={g.title}
              label={g.title}
              value={chosen.filter((m) => g.ids.includes(m))}
              onChange={(on) => {
                const before = chosen.filter((m) => g.ids.includes(m));
                for (const m of g.ids) if (on.includes(m) !== before.includes(m)) onToggle(m, on.includes(m));
              }}
            >
              <Stack gap={6} mt={6}>
                {g.ids.map((m) => (
                  <Checkbox key={m} value={m} label={measureTitle(m)} size="sm" />
                ))}
              </Stack>
            </Checkbox.Group>
          ))}
        </SimpleGrid>
      </Collapse>
    </Stack>
  );
}

const certaintyColour: Record<string, string> = { verified: "teal", partly: "yellow", recalled: "red" };

/** The chosen measures' definitions, as a table. */
export function MeasureRules({ chosen }: { chosen: readonly string[] }) {
  return (
    <Paper withBorder radius="md" p={{ base: "sm", sm: "md" }} component="section" aria-labelledby="rules-h">
      <Title order={2} size="h4" id="rules-h" mb="xs">
        Measures and their responder rules
      </Title>
      <ScrollTable minWidth={720} label="Table of the measures, scrollable">
        <Table fz="sm" verticalSpacing={6} aria-labelledby="rules-h">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Measure</Table.Th>
              <Table.Th scope="col">Better</Table.Th>
              <Table.Th scope="col">Responder</Table.Th>
              <Table.Th scope="col">Source and certainty</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {chosen.map((id) => {
              const m = measureById(id);
              if (!m) return null;
              const src = ruleSource(m);
              const rule = responderRule(id);
              return (
                <Table.Tr key={id}>
                  <Table.Th scope="row" fw={600}>
                    {m.title}
                  </Table.Th>
                  <Table.Td>{betterText(m)}</Table.Td>
                  <Table.Td>
                    {m.analysis === "category"
                      ? `Share who ${rule}; asked at follow-up only, so no change from baseline`
                      : rule === "none"
                        ? "No responder threshold: change only"
                        : rule.charAt(0).toUpperCase() + rule.slice(1)}
                  </Table.Td>
                  <Table.Td>
                    {src.cited !== null && (
                      <Text size="sm">
                        {src.cited}{" "}
                        <Badge size="xs" variant="light" color={certaintyColour[src.certainty] ?? "gray"}>
                          {src.certainty}
                        </Badge>
                      </Text>
                    )}
                    <Text size="xs" c="dimmed">
                      {src.note}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </ScrollTable>
      <Text size="xs" c="dimmed" mt="xs">
        Certainty of a threshold: verified (read, and derived for low back pain on this scale); partly (read,
        but moved from another population or value set, or from one small study).
      </Text>
    </Paper>
  );
}
