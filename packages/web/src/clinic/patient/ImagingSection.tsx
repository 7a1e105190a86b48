/**
 * Imaging findings per spinal level (Pfirrmann grade, disc height %, Modic type): the change at
 * each level from its first study to its latest (ImagingChangeView), then every study, newest
 * first; clinicians add a study.
 */
import { spinalLevels } from "@evident/domain";
import { ImagingCreate, type ImagingView } from "@evident/domain/api";
import { Button, Group, NativeSelect, Paper, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api } from "../../api/client";
import { AppModal } from "../../components/AppModal";
import { FormAlert } from "../../components/FormAlert";
import { formatDate, localToday } from "../../components/format";
import { formErrors } from "../../components/serverErrors";
import { schemaErrors } from "../../components/zodErrors";
import { ImagingChangeView } from "./ImagingChangeView";
import { imagingChange } from "./imagingChange";

type Row = { pfirrmann: string; discHeightPercent: string; modic: string };
const emptyRow: Row = { pfirrmann: "", discHeightPercent: "", modic: "" };
const modalityLabel: Record<string, string> = { mri: "MRI", ct: "CT", xray: "X-ray" };

function RecordImagingModal({
  patientId,
  opened,
  onClose,
}: {
  patientId: string;
  opened: boolean;
  onClose: () => void;
}) {
  const qc = useQueryClient();
  const [date, setDate] = useState(localToday());
  const [modality, setModality] = useState("mri");
  const [rows, setRows] = useState<Record<string, Row>>(
    Object.fromEntries(spinalLevels.map((l) => [l, emptyRow])),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string[]>([]);
  const save = useMutation({
    mutationFn: (body: unknown) => api.post<ImagingView>(`/patients/${patientId}/imaging`, body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ["patients", patientId, "imaging"] }),
  });
  const findings = spinalLevels
    .map((level) => ({ level, r: rows[level] ?? emptyRow }))
    .filter(({ r }) => r.pfirrmann || r.discHeightPercent.trim() || r.modic)
    .map(({ level, r }) => ({
      level,
      ...(r.pfirrmann ? { pfirrmann: Number(r.pfirrmann) } : {}),
      ...(r.discHeightPercent.trim() ? { discHeightPercent: Number(r.discHeightPercent) } : {}),
      ...(r.modic ? { modic: Number(r.modic) } : {}),
    }));
  const body = { date, modality, findings };
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const found = schemaErrors(ImagingCreate, body);
    setErrors(found);
    setGeneral(found.findings ? [`Findings: ${found.findings}`] : []);
    if (Object.keys(found).length > 0) return;
    save.mutate(body, {
      onSuccess: () => {
        notifications.show({
          color: "green",
          title: "Imaging recorded",
          message: `${modalityLabel[modality]} of ${date}`,
        });
        onClose();
      },
      onError: (err) => {
        const r = formErrors(err, ["date", "modality"]);
        setErrors(r.fields);
        setGeneral(r.general);
      },
    });
  };
  const set = (level: string, patch: Partial<Row>) =>
    setRows({ ...rows, [level]: { ...(rows[level] ?? emptyRow), ...patch } });
  return (
    <AppModal opened={opened} onClose={onClose} title="Record imaging" size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormAlert messages={general} title="The imaging was not recorded" />
          <Group grow>
            <TextInput
              label="Date of the study"
              type="date"
              required
              value={date}
              onChange={(e) => setDate(e.currentTarget.value)}
              error={errors.date}
            />
            <NativeSelect
              label="Modality"
              data={[
                { value: "mri", label: "MRI" },
                { value: "ct", label: "CT" },
                { value: "xray", label: "X-ray" },
              ]}
              value={modality}
              onChange={(e) => setModality(e.currentTarget.value)}
            />
          </Group>
          <Text size="sm" c="dimmed">
            Fill in the levels that were assessed; leave the others empty.
          </Text>
          {spinalLevels.map((level, i) => {
            const r = rows[level] ?? emptyRow;
            return (
              <Group key={level} grow align="flex-start" wrap="nowrap">
                <NativeSelect
                  label={`${level.replace("-", "–")}: Pfirrmann`}
                  data={["", "1", "2", "3", "4", "5"].map((v) => ({ value: v, label: v || "—" }))}
                  value={r.pfirrmann}
                  onChange={(e) => set(level, { pfirrmann: e.currentTarget.value })}
                  error={errors[`findings.${i}.pfirrmann`]}
                />
                <TextInput
                  label="Disc height (%)"
                  inputMode="decimal"
                  value={r.discHeightPercent}
                  onChange={(e) => set(level, { discHeightPercent: e.currentTarget.value })}
                />
                <NativeSelect
                  label="Modic"
                  data={["", "0", "1", "2", "3"].map((v) => ({
                    value: v,
                    label: v === "" ? "—" : v === "0" ? "0 (none)" : v,
                  }))}
                  value={r.modic}
                  onChange={(e) => set(level, { modic: e.currentTarget.value })}
                />
              </Group>
            );
          })}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              Record imaging
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}

export function ImagingSection({ patientId, mayWrite }: { patientId: string; mayWrite: boolean }) {
  const [opened, setOpened] = useState(false);
  const q = useQuery({
    queryKey: ["patients", patientId, "imaging"],
    queryFn: () => api.get<{ items: ImagingView[] }>(`/patients/${patientId}/imaging`),
  });
  const items = q.data?.items ?? [];
  return (
    <Paper
      withBorder
      radius="md"
      p={{ base: "sm", sm: "md" }}
      component="section"
      aria-labelledby="imaging-h"
    >
      <Group justify="space-between" mb="sm" gap="xs">
        <Title order={2} size="h4" id="imaging-h">
          Imaging
        </Title>
        {mayWrite && (
          <Button size="xs" variant="light" onClick={() => setOpened(true)}>
            Record imaging
          </Button>
        )}
      </Group>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          No imaging recorded.
        </Text>
      ) : (
        <Stack gap="md">
          <ImagingChangeView change={imagingChange(items)} />
          <Stack gap="xs" component="section" aria-labelledby="imaging-studies-h">
            <Title order={3} size="h5" id="imaging-studies-h">
              Every study
            </Title>
            {/* A row naming each study, then its levels: four short columns fit a phone. Focusable
                and named, so a narrower screen can still scroll it from the keyboard (axe's
                scrollable-region-focusable). */}
            <Table.ScrollContainer
              minWidth={260}
              scrollAreaProps={{
                viewportProps: { tabIndex: 0, role: "region", "aria-label": "Imaging findings" },
              }}
            >
              <Table
                aria-labelledby="imaging-studies-h"
                horizontalSpacing="xs"
                style={{ fontVariantNumeric: "tabular-nums" }}
              >
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Level</Table.Th>
                    <Table.Th scope="col">Pfirrmann</Table.Th>
                    <Table.Th scope="col">Disc height</Table.Th>
                    <Table.Th scope="col">Modic</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                {[...items]
                  .sort((a, b) => b.date.localeCompare(a.date))
                  .map((s) => (
                    <Table.Tbody key={s.id}>
                      <Table.Tr bg="var(--mantine-color-gray-0)">
                        <Table.Th scope="colgroup" colSpan={4}>
                          {modalityLabel[s.modality] ?? s.modality} of {formatDate(s.date)}
                        </Table.Th>
                      </Table.Tr>
                      {s.findings.map((f) => (
                        <Table.Tr key={f.level}>
                          <Table.Td style={{ whiteSpace: "nowrap" }}>{f.level.replace("-", "–")}</Table.Td>
                          <Table.Td>{f.pfirrmann ?? "—"}</Table.Td>
                          <Table.Td>
                            {f.discHeightPercent === undefined ? "—" : `${f.discHeightPercent}%`}
                          </Table.Td>
                          <Table.Td>{f.modic ?? "—"}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  ))}
              </Table>
            </Table.ScrollContainer>
          </Stack>
        </Stack>
      )}
      {mayWrite && opened && (
        <RecordImagingModal patientId={patientId} opened={opened} onClose={() => setOpened(false)} />
      )}
    </Paper>
  );
}
