/**
 * The clinic's patients: search by name or record number (debounced, kept in the address so
 * back/forward and reload keep it), pages of 25, a table on wide screens and cards on phones.
 */
import { conditionLabel } from "@evident/domain";
import type { PatientSummary } from "@evident/domain/api";
import {
  Anchor,
  Button,
  Card,
  CloseButton,
  EmptyState,
  Group,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { IconSearch, IconUserPlus, IconUsers } from "@tabler/icons-react";
import { useEffect, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { usePatients } from "../api/clinic-queries";
import { ageFrom, formatDate, localToday } from "../components/format";
import { can, useStaff } from "../components/Guards";
import { ListPager, toTop } from "../components/ListPager";
import { PageHeader } from "../components/PageHeader";
import { PortalBadge } from "../components/PortalBadge";
import { LoadError, Loading } from "../components/QueryStates";
import { usePageTitle } from "../components/usePageTitle";

const PAGE_SIZE = 25;

function AgeCell({ p, today }: { p: PatientSummary; today: string }) {
  const age = ageFrom(p.birthDate, today);
  return (
    <>
      {age ?? "—"}
      <Text span size="xs" c="dimmed">
        {" "}
        ({formatDate(p.birthDate)})
      </Text>
    </>
  );
}

function PatientTable({ items, today }: { items: PatientSummary[]; today: string }) {
  return (
    <Table.ScrollContainer minWidth={720} visibleFrom="sm">
      <Table highlightOnHover striped={false} aria-label="Patients">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Name</Table.Th>
            <Table.Th scope="col">Age (born)</Table.Th>
            <Table.Th scope="col">Record no.</Table.Th>
            <Table.Th scope="col">Condition</Table.Th>
            <Table.Th scope="col">Portal</Table.Th>
            <Table.Th scope="col">Added</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td>
                <Anchor component={Link} to={`/patients/${p.id}`} fw={600} underline="hover">
                  {p.familyName}, {p.givenName}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <AgeCell p={p} today={today} />
              </Table.Td>
              <Table.Td>{p.mrn ?? "—"}</Table.Td>
              <Table.Td>{p.condition ? conditionLabel(p.condition) : "—"}</Table.Td>
              <Table.Td>
                <PortalBadge portal={p.portal} />
              </Table.Td>
              <Table.Td>{formatDate(p.createdAt)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function PatientCards({ items, today }: { items: PatientSummary[]; today: string }) {
  return (
    <Stack gap="xs" hiddenFrom="sm" component="ul" p={0} m={0} style={{ listStyle: "none" }}>
      {items.map((p) => (
        <Card key={p.id} component="li" withBorder padding="sm" radius="md">
          <Group justify="space-between" wrap="nowrap" align="flex-start">
            <Stack gap={2} style={{ minWidth: 0 }}>
              <Anchor component={Link} to={`/patients/${p.id}`} fw={600} underline="hover">
                {p.familyName}, {p.givenName}
              </Anchor>
              <Text size="sm" c="dimmed">
                {ageFrom(p.birthDate, today) ?? "—"} years{p.mrn ? ` · ${p.mrn}` : ""}
              </Text>
              <Text size="sm">{p.condition ? conditionLabel(p.condition) : "No condition recorded"}</Text>
            </Stack>
            <PortalBadge portal={p.portal} />
          </Group>
        </Card>
      ))}
    </Stack>
  );
}

export function PatientListPage() {
  usePageTitle("Patients");
  const me = useStaff();
  const [params, setParams] = useSearchParams();
  const [search, setSearch] = useState(params.get("q") ?? "");
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const page = Math.max(1, Number(params.get("page")) || 1);
  const q = params.get("q") ?? "";

  // Keep the address in step with the (debounced) search; a new search starts at page 1.
  useEffect(() => {
    if (debounced === q) return;
    setParams(debounced ? { q: debounced } : {}, { replace: true });
  }, [debounced, q, setParams]);

  const list = usePatients(q, PAGE_SIZE, (page - 1) * PAGE_SIZE);
  const today = localToday();
  const total = list.data?.total ?? 0;
  const mayAdd = can(me, "patients:write");
  const addButton = mayAdd && (
    <Button component={Link} to="/patients/new" leftSection={<IconUserPlus size={18} aria-hidden />}>
      Add patient
    </Button>
  );

  const goTo = (p: number) => {
    const next: Record<string, string> = { page: String(p) };
    if (q) next.q = q;
    setParams(next);
    toTop();
  };

  return (
    <>
      <PageHeader
        title="Patients"
        description={list.data ? `${total} ${total === 1 ? "patient" : "patients"}${q ? " found" : ""}` : " "}
        actions={addButton}
      />
      <Paper withBorder p={{ base: "sm", sm: "md" }} radius="md">
        <Stack gap="md">
          <TextInput
            label="Search patients"
            description="Name or record number"
            placeholder="e.g. Lee or MRN-1042"
            leftSection={<IconSearch size={16} aria-hidden />}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            type="search"
            maw={{ sm: 420 }}
            rightSection={
              search ? (
                <CloseButton aria-label="Clear search" onClick={() => setSearch("")} size="sm" />
              ) : null
            }
          />
          {list.isPending ? (
            <Loading label="Loading patients…" />
          ) : list.isError ? (
            <LoadError error={list.error} retry={() => list.refetch()} what="patient list" />
          ) : list.data.items.length === 0 ? (
            q ? (
              <EmptyState
                icon={<IconSearch aria-hidden />}
                title={`No patients match “${q}”`}
                description="Check the spelling, or search by record number."
                py="xl"
              >
                <EmptyState.Actions>
                  <Button variant="default" onClick={() => setSearch("")}>
                    Clear search
                  </Button>
                </EmptyState.Actions>
              </EmptyState>
            ) : (
              <EmptyState
                icon={<IconUsers aria-hidden />}
                title="No patients yet"
                description={
                  mayAdd
                    ? "Add your first patient to invite them to the portal and start their baseline questionnaires."
                    : "Patients added by the clinic will appear here."
                }
                py="xl"
              >
                {addButton && <EmptyState.Actions>{addButton}</EmptyState.Actions>}
              </EmptyState>
            )
          ) : (
            <>
              <div aria-busy={list.isPlaceholderData} style={{ opacity: list.isPlaceholderData ? 0.6 : 1 }}>
                <PatientTable items={list.data.items} today={today} />
                <PatientCards items={list.data.items} today={today} />
              </div>
              <ListPager
                label="Patient list pages"
                page={page}
                pageSize={PAGE_SIZE}
                total={total}
                offset={list.data.offset}
                shown={list.data.items.length}
                onPage={goTo}
              />
            </>
          )}
        </Stack>
      </Paper>
    </>
  );
}
