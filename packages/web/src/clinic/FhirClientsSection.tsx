/**
 * The clinic's FHIR API clients (SMART backend services) on the settings page: who can read the
 * clinic's record from another system, since when, and a button to revoke one (its tokens stop
 * working at once). Registering a client needs its public keys, so it is done with
 * `npx evident fhir-client add`.
 */
import { Badge, Button, Card, Table, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useFhirClients, useRevokeFhirClient } from "../api/clinic";
import { LoadError, Loading } from "../components/QueryStates";

export function FhirClientsSection() {
  const clients = useFhirClients();
  const revoke = useRevokeFhirClient();
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="settings-fhir">
      <Title order={2} size="h4" id="settings-fhir" mb="xs">
        FHIR API clients
      </Title>
      <Text size="sm" mb="sm">
        Other systems (registries, EHRs) that read this clinic's records over FHIR. Add one with{" "}
        <code>npx evident fhir-client add</code>.
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
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Client id</Table.Th>
              <Table.Th>Added</Table.Th>
              <Table.Th>Access</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {clients.data.map((c) => (
              <Table.Tr key={c.clientId}>
                <Table.Td>{c.name}</Table.Td>
                <Table.Td>
                  <code>{c.clientId}</code>
                </Table.Td>
                <Table.Td>{c.createdAt.slice(0, 10)}</Table.Td>
                <Table.Td>
                  {c.revokedAt ? (
                    <Badge color="gray">Revoked {c.revokedAt.slice(0, 10)}</Badge>
                  ) : (
                    <Button
                      size="xs"
                      color="red"
                      variant="light"
                      loading={revoke.isPending && revoke.variables === c.clientId}
                      aria-label={`Revoke ${c.name}`}
                      onClick={() =>
                        revoke.mutate(c.clientId, {
                          onSuccess: () =>
                            notifications.show({ color: "teal", message: `${c.name} revoked.` }),
                        })
                      }
                    >
                      Revoke
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}
