/** Recovery codes as shown once: what they are for, and the codes in a list to print or copy. */
import { List, Stack, Text } from "@mantine/core";

export function RecoveryCodeList({
  codes,
  title = "Your recovery codes",
}: {
  codes: readonly string[];
  title?: string;
}) {
  return (
    <Stack gap="xs">
      <Text fw={600}>{title}</Text>
      <Text size="sm">
        If you lose your phone, each of these codes lets you sign in once instead of a code from the app.
        Print them or keep them in a password manager now: they are not shown again.
      </Text>
      <List spacing={4} aria-label="Recovery codes" listStyleType="none" ff="monospace">
        {codes.map((c) => (
          <List.Item key={c}>{c}</List.Item>
        ))}
      </List>
    </Stack>
  );
}
