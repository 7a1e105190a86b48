/**
 * The de-identified research export, for researchers and admins: first the clinic's data-use
 * terms and an accept step (recorded with who, when and which version), then the export — REDCap
 * project files or tidy CSV with a codebook, optionally narrowed to a cohort — which runs as a
 * job with a progress bar, and finally the files to download with their SHA-256 checksums. The
 * files hold no identifiers (the server's export engine), so nothing here reaches identified data.
 */

import type { ResearchExportView } from "@evident/domain/api";
import { ageBandIds } from "@evident/domain/research";
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  MultiSelect,
  Progress,
  Radio,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { IconDownload, IconFileExport, IconShieldCheck } from "@tabler/icons-react";
import { useState } from "react";
import { isApiError } from "../api/client";
import { splitIssues } from "../api/issues";
import {
  exportFileHref,
  useAcceptTerms,
  useResearchExports,
  useResearchTerms,
  useStartExport,
} from "../api/research";
import { formatDateTime } from "../components/format";
import { PageHeader } from "../components/PageHeader";
import { LoadError, Loading } from "../components/QueryStates";
import { usePageTitle } from "../components/usePageTitle";
import {
  cohortFields,
  conditionData,
  kindData,
  SavedCohortChoice,
  sexData,
  startBackData,
} from "./ExportCohortChoice";

function Terms() {
  const terms = useResearchTerms();
  const accept = useAcceptTerms();
  const [read, setRead] = useState(false);
  if (terms.isPending) return <Loading label="Loading the data-use terms…" />;
  if (terms.isError)
    return <LoadError error={terms.error} retry={() => terms.refetch()} what="the data-use terms" />;
  const t = terms.data;
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="terms-title">
      <Stack gap="sm">
        <Group gap="xs" wrap="nowrap" align="center">
          <IconShieldCheck aria-hidden size={22} style={{ flexShrink: 0 }} />
          <Title order={2} size="h3" id="terms-title">
            1. {t.title}
          </Title>
        </Group>
        <Text size="sm" c="dimmed">
          Version {t.version}
        </Text>
        {t.paragraphs.map((p) => (
          <Text key={p} size="sm">
            {p}
          </Text>
        ))}
        {t.acceptedAt ? (
          <Alert color="teal" variant="light" title="Terms accepted">
            You accepted version {t.version} on {formatDateTime(t.acceptedAt)}.
          </Alert>
        ) : (
          <Stack gap="xs">
            <Checkbox
              label="I have read these terms and will follow them"
              checked={read}
              onChange={(e) => setRead(e.currentTarget.checked)}
            />
            <Group>
              <Button disabled={!read} loading={accept.isPending} onClick={() => accept.mutate(t.version)}>
                Accept the terms
              </Button>
            </Group>
            {accept.isError && (
              <Alert color="red" role="alert">
                {accept.error.message}
              </Alert>
            )}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}

function StartExport({ enabled }: { enabled: boolean }) {
  const start = useStartExport();
  const [format, setFormat] = useState<"redcap" | "csv">("redcap");
  const [savedId, setSavedId] = useState("");
  const [sexes, setSexes] = useState<string[]>([]);
  const [ageBands, setAgeBands] = useState<string[]>([]);
  const [conds, setConds] = useState<string[]>([]);
  const [kinds, setKinds] = useState<string[]>([]);
  const [groups, setGroups] = useState<string[]>([]);
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const issues =
    start.isError && isApiError(start.error)
      ? splitIssues(start.error.issues, ["format", ...cohortFields])
      : null;
  const err = (f: string) => issues?.fields[f];
  const list = (v: string[]) => (v.length ? v : undefined);
  const submit = () =>
    start.mutate(
      savedId
        ? { format, cohortId: savedId }
        : {
            format,
            cohort: {
              sexes: list(sexes) as never,
              ageBands: list(ageBands) as never,
              conditions: list(conds) as never,
              treatmentKinds: list(kinds),
              startBackGroups: list(groups) as never,
              treatedFrom: from || undefined,
              treatedTo: to || undefined,
            },
          },
    );
  // A saved cohort is the whole cohort: the filters wait until it is unchosen.
  const filtering = enabled && !savedId;
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="start-title">
      <Stack gap="md">
        <Title order={2} size="h3" id="start-title">
          2. Choose the format and the cohort
        </Title>
        {!enabled && <Text size="sm">Accept the data-use terms above to export.</Text>}
        <Radio.Group
          label="Format"
          value={format}
          onChange={(v) => setFormat(v as "redcap" | "csv")}
          error={err("format")}
        >
          <Stack gap="xs" mt="xs">
            <Radio
              value="redcap"
              label="REDCap project: data dictionary, events, instrument mapping and records"
              disabled={!enabled}
            />
            <Radio
              value="csv"
              label="Tidy CSV files with a codebook (scores, treatments, adverse events, survival)"
              disabled={!enabled}
            />
          </Stack>
        </Radio.Group>
        <SavedCohortChoice
          value={savedId}
          onChange={setSavedId}
          disabled={!enabled}
          error={err("cohortId")}
        />
        <Text size="sm" c="dimmed">
          Every filter is optional; with none, every patient of your clinic is exported.
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <MultiSelect
            label="Sex"
            data={sexData}
            value={sexes}
            onChange={setSexes}
            disabled={!filtering}
            error={err("cohort.sexes")}
            clearable
          />
          <MultiSelect
            label="Age band"
            data={[...ageBandIds]}
            value={ageBands}
            onChange={setAgeBands}
            disabled={!filtering}
            error={err("cohort.ageBands")}
            clearable
          />
          <MultiSelect
            label="Condition"
            data={conditionData}
            value={conds}
            onChange={setConds}
            disabled={!filtering}
            error={err("cohort.conditions")}
            clearable
          />
          <MultiSelect
            label="Treatment kind"
            data={kindData}
            value={kinds}
            onChange={setKinds}
            disabled={!filtering}
            error={err("cohort.treatmentKinds")}
            clearable
            searchable
          />
          <MultiSelect
            label="STarT Back group at baseline"
            data={startBackData}
            value={groups}
            onChange={setGroups}
            disabled={!filtering}
            error={err("cohort.startBackGroups")}
            clearable
          />
          <Group grow align="flex-start">
            <TextInput
              type="date"
              label="Treated from"
              value={from}
              onChange={(e) => setFrom(e.currentTarget.value)}
              disabled={!filtering}
              error={err("cohort.treatedFrom")}
            />
            <TextInput
              type="date"
              label="Treated until"
              value={to}
              onChange={(e) => setTo(e.currentTarget.value)}
              disabled={!filtering}
              error={err("cohort.treatedTo")}
            />
          </Group>
        </SimpleGrid>
        {issues && issues.general.length > 0 && (
          <Alert color="red" role="alert">
            {issues.general.join(" ")}
          </Alert>
        )}
        {start.isError && !isApiError(start.error) && (
          <Alert color="red" role="alert">
            {start.error.message}
          </Alert>
        )}
        {start.isError && isApiError(start.error) && start.error.issues.length === 0 && (
          <Alert color="red" role="alert">
            {start.error.message}
          </Alert>
        )}
        <Group>
          <Button
            leftSection={<IconFileExport size={18} aria-hidden />}
            disabled={!enabled}
            loading={start.isPending}
            onClick={submit}
          >
            Start the export
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

const statusColor: Record<ResearchExportView["status"], string> = {
  queued: "gray",
  running: "blue",
  completed: "teal",
  failed: "red",
  expired: "gray",
};

function ExportItem({ e }: { e: ResearchExportView }) {
  const pct = e.progress && e.progress.total > 0 ? Math.round((e.progress.done / e.progress.total) * 100) : 0;
  const label = `${e.format === "redcap" ? "REDCap project" : "Tidy CSV"}, asked for ${formatDateTime(e.createdAt)}`;
  return (
    <Card withBorder radius="md" padding="md" component="article" aria-label={label}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Text fw={600}>{label}</Text>
          <Badge color={statusColor[e.status]} variant="light">
            {e.status}
          </Badge>
        </Group>
        {(e.status === "queued" || e.status === "running") && (
          <Progress value={pct} size="lg" aria-label={`Export progress: ${pct}%`} animated />
        )}
        {e.status === "completed" && (
          <>
            <Text size="sm">
              {e.patients} patients exported; {e.suppressed} left out because fewer than 11 patients share
              their age band, sex, condition and clinic.
            </Text>
            <Table.ScrollContainer minWidth={520}>
              <Table aria-label="Files" verticalSpacing={4}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">File</Table.Th>
                    <Table.Th scope="col">Rows</Table.Th>
                    <Table.Th scope="col">SHA-256</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {e.files.map((f) => (
                    <Table.Tr key={f.name}>
                      <Table.Td>
                        <Anchor href={exportFileHref(e.id, f.name)} download size="sm">
                          <Group gap={4} wrap="nowrap">
                            <IconDownload size={16} aria-hidden />
                            {f.name}
                          </Group>
                        </Anchor>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{f.rows}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="xs" ff="monospace" style={{ overflowWrap: "anywhere" }}>
                          {f.sha256}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </>
        )}
        {e.status === "failed" && <Text size="sm">The export failed: {e.error}</Text>}
      </Stack>
    </Card>
  );
}

function Exports() {
  const exports = useResearchExports();
  if (exports.isPending) return <Loading label="Loading your exports…" />;
  if (exports.isError)
    return <LoadError error={exports.error} retry={() => exports.refetch()} what="your exports" />;
  return (
    <Stack gap="sm" component="section" aria-labelledby="exports-title">
      <Title order={2} size="h3" id="exports-title">
        3. Your exports
      </Title>
      {exports.data.items.length === 0 ? (
        <Text size="sm">No exports yet.</Text>
      ) : (
        exports.data.items.map((e) => <ExportItem key={e.id} e={e} />)
      )}
    </Stack>
  );
}

export function ResearchExportPage() {
  usePageTitle("Research export");
  const terms = useResearchTerms();
  return (
    <>
      <PageHeader
        title="Research export"
        description="De-identified files for research: no names, contact details, record numbers or dates. Every export is recorded."
      />
      <Stack gap="lg">
        <Terms />
        <StartExport enabled={Boolean(terms.data?.acceptedAt)} />
        <Exports />
      </Stack>
    </>
  );
}
