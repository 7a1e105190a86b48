import { Alert, Button, Center, Loader, Stack, Text } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import { isApiError } from "../api/client";

export function Loading({ label = "Loading…" }: { label?: string }) {
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Stack align="center" gap="xs">
        <Loader size="md" aria-hidden />
        <Text c="dimmed" size="sm">
          {label}
        </Text>
      </Stack>
    </Center>
  );
}

/** A failed load, in words, with a way to try again. */
export function LoadError({ error, retry, what }: { error: unknown; retry?: () => void; what: string }) {
  const message =
    isApiError(error) && error.status === 404
      ? `This ${what} was not found, or you do not have access to it.`
      : isApiError(error)
        ? error.message
        : `Something went wrong while loading the ${what}.`;
  return (
    <Alert
      color="red"
      icon={<IconAlertTriangle aria-hidden />}
      title={`Could not load the ${what}`}
      role="alert"
    >
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{message}</Text>
        {retry && (
          <Button variant="default" size="xs" onClick={retry}>
            Try again
          </Button>
        )}
      </Stack>
    </Alert>
  );
}
