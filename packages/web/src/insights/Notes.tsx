/** A section's notes from the server (definitions, caveats, the small-cell rule), in one list. */
import { List, Paper, Text } from "@mantine/core";

export function Notes({ notes, extra = [] }: { notes: readonly string[]; extra?: readonly string[] }) {
  return (
    <Paper withBorder radius="md" p="sm" bg="gray.0" component="section" aria-label="Notes on these figures">
      <Text size="sm" fw={650} mb={4}>
        Notes
      </Text>
      <List size="sm" spacing={4}>
        {[...notes, ...extra].map((n) => (
          <List.Item key={n} fw={/uncontrolled|cannot|investigational/i.test(n) ? 600 : undefined}>
            {n}
          </List.Item>
        ))}
      </List>
    </Paper>
  );
}
