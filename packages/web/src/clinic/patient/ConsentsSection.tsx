/**
 * A patient's consents on their record: what they signed (portal or paper, the version, its hash
 * and language), what they took back, and — when research consent is withdrawn — that their data
 * are left out of pooled outcomes, exports and benchmarks while the clinic's own view keeps them.
 * Staff who may write the record enter a consent signed on paper, with the witness.
 */
import { treatmentKind } from "@evident/domain";
import { type ConsentView, PaperConsent } from "@evident/domain/api";
import {
  Alert,
  Badge,
  Button,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { IconInfoCircle } from "@tabler/icons-react";
import { useState } from "react";
import { useConsentDocuments, usePatientConsents, useRecordPaperConsent } from "../../api/consent";
import { AppModal } from "../../components/AppModal";
import { FormAlert } from "../../components/FormAlert";
import { formatDate, localToday } from "../../components/format";
import { formErrors } from "../../components/serverErrors";
import { schemaErrors } from "../../components/zodErrors";

const purposeLabel: Record<string, string> = {
  procedure: "Procedure",
  research: "Registry and research",
  story: "Sharing a story",
};

const what = (c: { purpose: string; treatmentKind: string | null }): string =>
  c.treatmentKind
    ? `${purposeLabel[c.purpose] ?? c.purpose}: ${treatmentKind(c.treatmentKind)?.label ?? c.treatmentKind}`
    : (purposeLabel[c.purpose] ?? c.purpose);

function PaperConsentModal({
  patientId,
  opened,
  onClose,
}: {
  patientId: string;
  opened: boolean;
  onClose: () => void;
}) {
  const documents = (useConsentDocuments().data?.documents ?? [])
    .slice()
    .sort((a, b) => what(a).localeCompare(what(b)));
  const save = useRecordPaperConsent(patientId);
  const [documentId, setDocumentId] = useState("");
  const [witnessName, setWitness] = useState("");
  const [signedOn, setSignedOn] = useState(localToday());
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string[]>([]);
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const body = { documentId, witnessName, signedOn };
    const found = schemaErrors(PaperConsent, body);
    if (!documentId) found.documentId = "Choose the form the patient signed.";
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    save.mutate(body, {
      onSuccess: () => {
        setGeneral([]);
        onClose();
      },
      onError: (err) => {
        const r = formErrors(err, ["documentId", "witnessName", "signedOn"]);
        setErrors(r.fields);
        setGeneral(r.general);
      },
    });
  };
  return (
    <AppModal opened={opened} onClose={onClose} title="Record a paper consent">
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormAlert messages={general} title="The consent was not recorded" />
          <NativeSelect
            label="Form signed"
            description="The current version, in the language the patient read"
            required
            value={documentId}
            onChange={(e) => setDocumentId(e.currentTarget.value)}
            error={errors.documentId}
            data={[
              { value: "", label: "Choose…", disabled: true },
              ...documents.map((d) => ({
                value: d.id,
                label: `${what(d)} · v${d.version} · ${d.language.toUpperCase()}`,
              })),
            ]}
          />
          <TextInput
            label="Witness"
            description="Who saw the patient sign"
            required
            value={witnessName}
            onChange={(e) => setWitness(e.currentTarget.value)}
            error={errors.witnessName}
          />
          <TextInput
            label="Signed on"
            type="date"
            required
            value={signedOn}
            onChange={(e) => setSignedOn(e.currentTarget.value)}
            error={errors.signedOn}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              Record consent
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}

function Row({ c }: { c: ConsentView }) {
  return (
    <Table.Tr>
      <Table.Td>{what(c)}</Table.Td>
      <Table.Td>
        v{c.version} · {c.language.toUpperCase()}
        {!c.current && (
          <Badge ml={4} size="xs" variant="light" color="gray">
            older version
          </Badge>
        )}
      </Table.Td>
      <Table.Td>
        {c.method === "portal" ? `Portal, typed “${c.typedName}”` : `Paper, witness ${c.witnessName}`} ·{" "}
        {formatDate(c.signedOn)}
      </Table.Td>
      <Table.Td>
        {c.withdrawnAt ? (
          <Badge variant="light" color="orange">
            Withdrawn {formatDate(c.withdrawnAt)}
          </Badge>
        ) : (
          <Badge variant="light" color="green">
            In force
          </Badge>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

export function ConsentsSection({ patientId, mayWrite }: { patientId: string; mayWrite: boolean }) {
  const q = usePatientConsents(patientId);
  const [adding, setAdding] = useState(false);
  const list = q.data?.consents ?? [];
  return (
    <Paper
      withBorder
      radius="md"
      p={{ base: "sm", sm: "md" }}
      component="section"
      aria-labelledby="consents-h"
    >
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4" id="consents-h">
            Consents
          </Title>
          {mayWrite && (
            <Button size="xs" variant="light" onClick={() => setAdding(true)}>
              Record paper consent
            </Button>
          )}
        </Group>
        {q.data?.researchWithdrawn && (
          <Alert color="blue" icon={<IconInfoCircle aria-hidden />} title="Research consent withdrawn">
            This patient's data are left out of pooled outcomes, research exports and benchmarks. Their care
            and this clinic's own figures go on as before.
          </Alert>
        )}
        {list.length === 0 ? (
          <Text size="sm" c="dimmed">
            No consent signed yet.
          </Text>
        ) : (
          <Table.ScrollContainer
            minWidth={520}
            scrollAreaProps={{
              viewportProps: { tabIndex: 0, role: "region", "aria-label": "Consents, scrollable" },
            }}
          >
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Consent</Table.Th>
                  <Table.Th>Version</Table.Th>
                  <Table.Th>Signed</Table.Th>
                  <Table.Th>Status</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.map((c) => (
                  <Row key={c.id} c={c} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
      {mayWrite && (
        <PaperConsentModal patientId={patientId} opened={adding} onClose={() => setAdding(false)} />
      )}
    </Paper>
  );
}
