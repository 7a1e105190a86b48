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

/**
 * A load that can only fail the same way again: nothing at that address (404), or an address that
 * cannot name anything, such as a mistyped id (a GET's 400 is always about its address).
 */
export const notFound = (error: unknown): boolean =>
  isApiError(error) && (error.status === 404 || error.status === 400);

/**
 * A failed load, in words, with a way to try again — except where trying again cannot help: then
 * it says what was not found, and `back` (if given) leads somewhere useful.
 */
export function LoadError({
  error,
  retry,
  what,
  back,
}: {
  error: unknown;
  retry?: () => void;
  what: string;
  back?: React.ReactNode;
}) {
  const missing = notFound(error);
  const message = missing
    ? `This ${what} was not found, or you do not have access to it. Check the address, or find the ${what} from the list.`
    : isApiError(error)
      ? error.message
      : `Something went wrong while loading the ${what}.`;
  return (
    <Alert
      color="red"
      icon={<IconAlertTriangle aria-hidden />}
      title={missing ? `No such ${what}` : `Could not load the ${what}`}
      role="alert"
    >
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{message}</Text>
        {missing && back}
        {retry && !missing && (
          <Button variant="default" size="xs" onClick={retry}>
            Try again
          </Button>
        )}
      </Stack>
    </Alert>
  );
}
