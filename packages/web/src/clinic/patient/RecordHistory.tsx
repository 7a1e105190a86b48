/**
 * A saved record's history, opened on request: each change with when, who, what changed (field:
 * before → after) and why. Shared by adverse events and treatments; each passes its own field
 * labels and value wording.
 */
import { Button, Collapse, List, Stack, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useId } from "react";
import { type HistorySource, useRecordHistory } from "../../api/records";
import { formatDate, formatDateTime } from "../../components/format";

export type FieldWords = {
  label: (field: string) => string;
  value?: (field: string, value: unknown) => string | null;
};

const isDate = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v);
const isInstant = (v: string) => /^\d{4}-\d{2}-\d{2}T/.test(v);

/** A stored value in words: none, yes/no, a list, a date, or the text with dashes as spaces. */
export function valueWords(v: unknown): string {
  if (v === null || v === undefined || v === "") return "none";
  if (typeof v === "boolean") return v ? "yes" : "no";
  if (Array.isArray(v)) return v.length === 0 ? "none" : v.map(valueWords).join(", ");
  if (typeof v === "string") {
    if (isDate(v)) return formatDate(v);
    if (isInstant(v)) return formatDateTime(v);
    return v.replaceAll("-", " ").replaceAll("_", " ");
  }
  return String(v);
}

export function HistoryToggle({
  version,
  source,
  words,
}: {
  /** The record's current version: 1 means it was never changed. */
  version: number;
  source: HistorySource;
  words: FieldWords;
}) {
  const [opened, toggle] = useDisclosure(false);
  const id = useId();
  const changes = version - 1;
  const q = useRecordHistory(source, opened && changes > 0);
  if (changes === 0) return null;
  const say = (field: string, v: unknown) => words.value?.(field, v) ?? valueWords(v);
  return (
    <Stack gap={4}>
      <Button
        size="compact-xs"
        variant="subtle"
        style={{ alignSelf: "flex-start" }}
        aria-expanded={opened}
        aria-controls={id}
        onClick={toggle.toggle}
      >
        {opened ? "Hide history" : `History: ${changes} change${changes === 1 ? "" : "s"}`}
      </Button>
      <Collapse expanded={opened}>
        <div id={id}>
          {q.isPending ? (
            <Text size="xs">Loading history…</Text>
          ) : q.isError ? (
            <Text size="xs" c="red.8">
              The history could not be loaded.
            </Text>
          ) : (
            <List size="xs" spacing={6} listStyleType="none" ml={0} pl={0}>
              {q.data.items.map((c) => (
                <List.Item key={c.version}>
                  <Text size="xs" span fw={600}>
                    Changed on {formatDateTime(c.changedAt)} by {c.changedBy.name}:
                  </Text>{" "}
                  <Text size="xs" span>
                    {c.changes
                      .map(
                        (x) => `${words.label(x.field)} ${say(x.field, x.before)} → ${say(x.field, x.after)}`,
                      )
                      .join("; ")}
                    . Reason: {c.reason}
                  </Text>
                </List.Item>
              ))}
            </List>
          )}
        </div>
      </Collapse>
    </Stack>
  );
}
