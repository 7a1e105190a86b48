/**
 * The clinic's audit trail, for administrators (HIPAA's information-system activity review): who
 * viewed or changed what, newest first, filtered by patient, by who acted, by action and by days;
 * older events on demand; the same as a CSV download. The filters live in the address, so a view
 * can be reloaded or shared with another administrator. Viewing the trail is itself recorded.
 */
import type { AuditEventView } from "@evident/domain/api";
import {
  Anchor,
  Button,
  Card,
  Collapse,
  EmptyState,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from "@mantine/core";
import { useDebouncedValue, useDisclosure, useMediaQuery } from "@mantine/hooks";
import { IconAdjustmentsHorizontal, IconDownload, IconFilterOff, IconHistory } from "@tabler/icons-react";
import { useState } from "react";
import { Link, useSearchParams } from "react-router";
import { auditCsvHref, useAuditEvents, useAuditFacets, usePatientChoices } from "../api/audit";
import { formatDateTime } from "../components/format";
import { PageHeader } from "../components/PageHeader";
import { LoadError, Loading } from "../components/QueryStates";
import { usePageTitle } from "../components/usePageTitle";
import { type AuditFilters, actionText, actorText, detailText, filtersFrom, hasFilters } from "./audit";

function Who({ e }: { e: AuditEventView }) {
  const { name, kind } = actorText(e.actor);
  return (
    <Stack gap={0}>
      <Text size="sm" fw={600} style={{ overflowWrap: "anywhere" }}>
        {name}
      </Text>
      <Text size="xs" c="dimmed">
        {kind}
      </Text>
    </Stack>
  );
}

function PatientLink({ e }: { e: AuditEventView }) {
  if (!e.patient) return <Text size="sm">—</Text>;
  return (
    <Anchor component={Link} to={`/patients/${e.patient.id}`} size="sm" underline="hover">
      {e.patient.name ?? "Patient record"}
    </Anchor>
  );
}

function EventTable({ items }: { items: AuditEventView[] }) {
  return (
    <Table.ScrollContainer minWidth={860} visibleFrom="sm">
      <Table striped={false} highlightOnHover aria-label="Audit events" verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">When</Table.Th>
            <Table.Th scope="col">Who</Table.Th>
            <Table.Th scope="col">What</Table.Th>
            <Table.Th scope="col">Patient</Table.Th>
            <Table.Th scope="col">Details</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((e) => (
            <Table.Tr key={e.id}>
              <Table.Td style={{ whiteSpace: "nowrap" }}>
                <Text size="sm">{formatDateTime(e.at)}</Text>
                <Text size="xs" c="dimmed">
                  No. {e.seq}
                </Text>
              </Table.Td>
              <Table.Td>
                <Who e={e} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">{actionText(e)}</Text>
              </Table.Td>
              <Table.Td>
                <PatientLink e={e} />
              </Table.Td>
              <Table.Td maw={320}>
                <Text size="xs" c="dimmed" style={{ overflowWrap: "anywhere" }}>
                  {detailText(e.detail) || "—"}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function EventCards({ items }: { items: AuditEventView[] }) {
  return (
    <Stack gap="xs" hiddenFrom="sm" component="ul" p={0} m={0} style={{ listStyle: "none" }}>
      {items.map((e) => (
        <Card key={e.id} component="li" withBorder padding="sm" radius="md">
          <Stack gap={4}>
            <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
              <Text size="sm" fw={600}>
                {actionText(e)}
              </Text>
              <Text size="xs" c="dimmed" style={{ whiteSpace: "nowrap" }}>
                {formatDateTime(e.at)}
              </Text>
            </Group>
            <Text size="sm">
              {actorText(e.actor).name}{" "}
              <Text span size="xs" c="dimmed">
                ({actorText(e.actor).kind})
              </Text>
            </Text>
            {e.patient && <PatientLink e={e} />}
            {detailText(e.detail) && (
              <Text size="xs" c="dimmed" style={{ overflowWrap: "anywhere" }}>
                {detailText(e.detail, 100)}
              </Text>
            )}
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}

/** Choosing a patient by name: the clinic's patient search, a few at a time. */
function PatientFilter({
  value,
  label,
  onChange,
}: {
  value?: string;
  label?: string;
  onChange(id?: string): void;
}) {
  const [search, setSearch] = useState("");
  const [typing, setTyping] = useState(false);
  const [chosen, setChosen] = useState<{ value: string; label: string } | null>(null);
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const chosenLabel = value ? (chosen?.value === value ? chosen.label : (label ?? "Chosen patient")) : null;
  // Only what is typed searches (each search is audited), not the name shown for the chosen patient.
  const q = typing && debounced !== chosenLabel ? debounced : "";
  const found = usePatientChoices(q);
  const options = (found.data?.items ?? []).map((p) => ({
    value: p.id,
    label: `${p.familyName}, ${p.givenName}`,
  }));
  if (value && chosenLabel && !options.some((o) => o.value === value))
    options.unshift({ value, label: chosenLabel });
  return (
    <Select
      label="Patient"
      placeholder="Any patient"
      searchable
      clearable
      data={options}
      value={value ?? null}
      onChange={(id, option) => {
        setChosen(option ? { value: option.value, label: option.label } : null);
        onChange(id ?? undefined);
      }}
      onDropdownOpen={() => setTyping(true)}
      onDropdownClose={() => setTyping(false)}
      searchValue={search}
      onSearchChange={setSearch}
      nothingFoundMessage={q.length >= 2 ? "No patient with that name" : "Type at least 2 letters of a name"}
    />
  );
}

export function AuditTrailPage() {
  usePageTitle("Audit trail");
  const [params, setParams] = useSearchParams();
  const filters = filtersFrom(params);
  const events = useAuditEvents(filters);
  const facets = useAuditFacets();
  const items = events.data?.pages.flatMap((p) => p.items) ?? [];

  const set = (key: keyof AuditFilters, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  const who = [
    {
      group: "Kinds",
      items: [
        { value: "kind:patient", label: "Any patient (portal)" },
        { value: "kind:system", label: "The system (command line, jobs)" },
        { value: "kind:anonymous", label: "Not signed in" },
      ],
    },
    {
      group: "Staff",
      items: (facets.data?.staff ?? []).map((s) => ({ value: `staff:${s.id}`, label: s.name })),
    },
  ];
  const patientLabel = items.find((e) => e.patient?.id === filters.patientId)?.patient?.name ?? undefined;
  // On a phone the filters fold away behind a button, so the events come first.
  const phone = useMediaQuery("(max-width: 48em)");
  const [filtersOpen, { toggle: toggleFilters }] = useDisclosure(false);
  const active = Object.keys(filters).length;

  return (
    <>
      <PageHeader
        title="Audit trail"
        description="Who viewed or changed what in this clinic, newest first. Your viewing of this page is recorded too."
        actions={
          <Button
            component="a"
            href={auditCsvHref(filters)}
            download
            variant="default"
            leftSection={<IconDownload size={18} aria-hidden />}
          >
            Download CSV
          </Button>
        }
      />
      <Paper withBorder p={{ base: "sm", sm: "md" }} radius="md">
        <Stack gap="md">
          {phone && (
            <Button
              variant="default"
              onClick={toggleFilters}
              aria-expanded={filtersOpen}
              aria-controls="audit-filters"
              leftSection={<IconAdjustmentsHorizontal size={18} aria-hidden />}
              style={{ alignSelf: "flex-start" }}
            >
              {filtersOpen ? "Hide filters" : `Filters${active ? ` (${active} on)` : ""}`}
            </Button>
          )}
          <Collapse expanded={!phone || filtersOpen} id="audit-filters">
            <SimpleGrid cols={{ base: 1, xs: 2, lg: 5 }} spacing="sm" role="group" aria-label="Filters">
              <PatientFilter
                value={filters.patientId}
                label={patientLabel}
                onChange={(id) => set("patientId", id)}
              />
              <Select
                label="Who"
                placeholder="Anyone"
                clearable
                searchable
                data={who}
                value={filters.who ?? null}
                onChange={(v) => set("who", v ?? undefined)}
              />
              <Select
                label="Action"
                placeholder="Any action"
                clearable
                searchable
                data={facets.data?.actions ?? []}
                value={filters.action ?? null}
                onChange={(v) => set("action", v ?? undefined)}
              />
              <TextInput
                label="From"
                type="date"
                value={filters.from ?? ""}
                max={filters.to}
                onChange={(e) => set("from", e.currentTarget.value || undefined)}
              />
              <TextInput
                label="To"
                type="date"
                value={filters.to ?? ""}
                min={filters.from}
                onChange={(e) => set("to", e.currentTarget.value || undefined)}
              />
            </SimpleGrid>
          </Collapse>
          {hasFilters(filters) && (
            <Group>
              <Button
                variant="subtle"
                size="xs"
                leftSection={<IconFilterOff size={16} aria-hidden />}
                onClick={() => setParams({}, { replace: true })}
              >
                Clear filters
              </Button>
            </Group>
          )}
          {events.isPending ? (
            <Loading label="Loading the audit trail…" />
          ) : events.isError ? (
            <LoadError error={events.error} retry={() => events.refetch()} what="audit trail" />
          ) : items.length === 0 ? (
            <EmptyState
              icon={<IconHistory aria-hidden />}
              title={hasFilters(filters) ? "No events match these filters" : "No events yet"}
              description={
                hasFilters(filters)
                  ? "Try a longer period, or clear the filters."
                  : "Every view and change of a patient's record will be listed here."
              }
              py="xl"
            />
          ) : (
            <>
              <EventTable items={items} />
              <EventCards items={items} />
              <Group justify="space-between" wrap="wrap" gap="sm">
                <Text size="sm" c="dimmed" aria-live="polite">
                  Showing the {items.length} most recent {items.length === 1 ? "event" : "events"}
                  {events.hasNextPage ? "" : " (all of them)"}
                </Text>
                {events.hasNextPage && (
                  <Button
                    variant="default"
                    onClick={() => events.fetchNextPage()}
                    loading={events.isFetchingNextPage}
                  >
                    Show older events
                  </Button>
                )}
              </Group>
            </>
          )}
        </Stack>
      </Paper>
    </>
  );
}
