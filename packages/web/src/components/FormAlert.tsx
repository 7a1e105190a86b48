import { Alert, List } from "@mantine/core";
import { IconAlertCircle } from "@tabler/icons-react";

/** Messages that belong to the whole form rather than one field. */
export function FormAlert({
  messages,
  title = "Please check the form",
}: {
  messages: string[];
  title?: string;
}) {
  if (messages.length === 0) return null;
  return (
    <Alert color="red" icon={<IconAlertCircle aria-hidden />} title={title} role="alert">
      {messages.length === 1 ? (
        messages[0]
      ) : (
        <List size="sm">
          {messages.map((m) => (
            <List.Item key={m}>{m}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
