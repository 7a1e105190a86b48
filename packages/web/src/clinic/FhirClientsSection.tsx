/**
 * The clinic's FHIR API clients (SMART backend services) on the settings page: who can read the
 * clinic's record from another system, since when, and whether they still may. Revoking is
 * asked for again in a dialog, since it cannot be undone here: the client's tokens stop working
 * at once and it gets no new ones; to let it in again it must be registered anew. Registering a
 * client needs its public keys, so it is done with `npx evident fhir-client add`. A table on
 * wider screens, one card per client on phones (a client id does not fit a phone's table).
 */

import type { FhirClientView } from "@evident/domain/api";
import { Badge, Button, Card, Group, Stack, Table, Text, Title, VisuallyHidden } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useFhirClients, useRevokeFhirClient } from "../api/clinic";
import { AppModal } from "../components/AppModal";
import { formatDate } from "../components/format";
import { LoadError, Loading } from "../components/QueryStates";

const ADD_COMMAND = "npx evident fhir-client add";

function Access({ client }: { client: FhirClientView }) {
  return client.revokedAt ? (
    <Badge color="gray" variant="light">
      Revoked {formatDate(client.revokedAt)}
    </Badge>
  ) : (
    <Badge color="teal" variant="light">
      Has access
    </Badge>
  );
}

function RevokeButton({
  client,
  onRevoke,
}: {
  client: FhirClientView;
  onRevoke: (c: FhirClientView) => void;
}) {
  if (client.revokedAt) return null;
  return (
    <Button
      size="xs"
      color="red"
      variant="light"
      aria-label={`Revoke ${client.name}`}
      onClick={() => onRevoke(client)}
    >
      Revoke
    </Button>
  );
}

const ClientId = ({ id }: { id: string }) => <code style={{ overflowWrap: "anywhere" }}>{id}</code>;

function ClientTable({
  clients,
  onRevoke,
}: {
  clients: FhirClientView[];
  onRevoke: (c: FhirClientView) => void;
}) {
  return (
    <Table.ScrollContainer minWidth={640} visibleFrom="sm">
      <Table aria-label="FHIR API clients">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Name</Table.Th>
            <Table.Th scope="col">Client id</Table.Th>
            <Table.Th scope="col">Added</Table.Th>
            <Table.Th scope="col">Access</Table.Th>
            <Table.Th scope="col">
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {clients.map((c) => (
            <Table.Tr key={c.clientId}>
              <Table.Td>{c.name}</Table.Td>
              <Table.Td>
                <ClientId id={c.clientId} />
              </Table.Td>
              <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDate(c.createdAt)}</Table.Td>
              <Table.Td>
                <Access client={c} />
              </Table.Td>
              <Table.Td>
                <RevokeButton client={c} onRevoke={onRevoke} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function ClientCards({
  clients,
  onRevoke,
}: {
  clients: FhirClientView[];
  onRevoke: (c: FhirClientView) => void;
}) {
  return (
    <Stack gap="xs" hiddenFrom="sm" component="ul" m={0} p={0} style={{ listStyle: "none" }}>
      {clients.map((c) => (
        <Card key={c.clientId} component="li" withBorder padding="sm">
          <Stack gap={6}>
            <Text fw={600} size="sm">
              {c.name}
            </Text>
            <Text size="xs">
              Client id <ClientId id={c.clientId} />
            </Text>
            <Text size="xs" c="dimmed">
              Added {formatDate(c.createdAt)}
            </Text>
            <Group justify="space-between">
              <Access client={c} />
              <RevokeButton client={c} onRevoke={onRevoke} />
            </Group>
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}

function RevokeDialog({ client, onClose }: { client: FhirClientView | null; onClose: () => void }) {
  const revoke = useRevokeFhirClient();
  const confirm = () => {
    if (!client) return;
    revoke.mutate(client.clientId, {
      onSuccess: () => {
        notifications.show({
          color: "teal",
          message: `${client.name} can no longer read this clinic's records.`,
        });
        onClose();
      },
      onError: (e) => notifications.show({ color: "red", message: `Not revoked: ${e.message}` }),
    });
  };
  return (
    <AppModal opened={client !== null} onClose={onClose} title={`Revoke ${client?.name ?? ""}?`}>
      <Stack>
        <Text size="sm">
          It will no longer be able to read this clinic's records: the tokens it holds stop working at once,
          and it cannot get new ones. This cannot be undone here. To give it access again, register it again
          with <code style={{ whiteSpace: "nowrap" }}>{ADD_COMMAND}</code>.
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button color="red" loading={revoke.isPending} onClick={confirm}>
            Revoke access
          </Button>
        </Group>
      </Stack>
    </AppModal>
  );
}

export function FhirClientsSection() {
  const clients = useFhirClients();
  const [revoking, setRevoking] = useState<FhirClientView | null>(null);
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="settings-fhir">
      <Title order={2} size="h4" id="settings-fhir" mb="xs">
        FHIR API clients
      </Title>
      <Text size="sm" mb="sm">
        Other systems (registries, EHRs) that read this clinic's records over FHIR. Add one with{" "}
        <code style={{ whiteSpace: "nowrap" }}>{ADD_COMMAND}</code>.
      </Text>
      {clients.isPending ? (
        <Loading label="Loading the clients…" />
      ) : clients.isError ? (
        <LoadError error={clients.error} retry={() => void clients.refetch()} what="FHIR clients" />
      ) : clients.data.length === 0 ? (
        <Text size="sm" c="dimmed">
          No clients yet.
        </Text>
      ) : (
        <>
          <ClientTable clients={clients.data} onRevoke={setRevoking} />
          <ClientCards clients={clients.data} onRevoke={setRevoking} />
        </>
      )}
      <RevokeDialog client={revoking} onClose={() => setRevoking(null)} />
    </Card>
  );
}
