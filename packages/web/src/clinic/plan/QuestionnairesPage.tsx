/**
 * The clinic's questionnaires: the measurement plan (edited by administrators) and the catalogue
 * of every instrument with its licence holder and terms, whether an agreement is needed, whether
 * this clinic has confirmed it (who, when, reference) and a way for an administrator to confirm it.
 */

import { timepointLabel } from "@evident/domain";
import type { CatalogueEntry } from "@evident/domain/api";
import { Badge, Button, Card, Group, SimpleGrid, Stack, Text, TextInput, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconCertificate } from "@tabler/icons-react";
import { useState } from "react";
import { isApiError } from "../../api/client";
import { useCatalogue, useConfirmLicence, usePlan } from "../../api/clinic-queries";
import { sentence } from "../../api/issues";
import { AppModal } from "../../components/AppModal";
import { formatDate } from "../../components/format";
import { can, useStaff } from "../../components/Guards";
import { PageHeader } from "../../components/PageHeader";
import { LoadError, Loading } from "../../components/QueryStates";
import { usePageTitle } from "../../components/usePageTitle";
import { PlanEditor } from "./PlanEditor";

function LicenceLine({ entry }: { entry: CatalogueEntry }) {
  if (!entry.licence.agreementNeeded)
    return (
      <Badge color="green" variant="light">
        No agreement needed
      </Badge>
    );
  const c = entry.confirmation;
  return c ? (
    <Stack gap={2}>
      <Badge color="green" variant="light">
        Licence confirmed
      </Badge>
      <Text size="xs" c="dimmed">
        {c.confirmedBy ? `By ${c.confirmedBy}` : "By the system"} on {formatDate(c.confirmedAt)} · reference{" "}
        {c.reference}
      </Text>
    </Stack>
  ) : (
    <Badge color="yellow" variant="light">
      Licence not confirmed
    </Badge>
  );
}

function ConfirmDialog({ entry, onClose }: { entry: CatalogueEntry | null; onClose: () => void }) {
  const [reference, setReference] = useState("");
  const [error, setError] = useState<string | null>(null);
  const confirm = useConfirmLicence();
  const submit = () => {
    if (!entry) return;
    if (!reference.trim()) {
      setError("Enter the licence or agreement reference.");
      return;
    }
    confirm.mutate(
      { id: entry.id, reference: reference.trim() },
      {
        onSuccess: () => {
          notifications.show({
            color: "green",
            title: "Licence confirmed",
            message: `${entry.shortTitle} can now be put in the plan.`,
          });
          setReference("");
          onClose();
        },
        onError: (e) => setError(isApiError(e) ? sentence(e.issues[0]?.message ?? e.message) : "Not saved."),
      },
    );
  };
  return (
    <AppModal opened={entry !== null} onClose={onClose} title={`Confirm licence: ${entry?.shortTitle ?? ""}`}>
      {entry && (
        <Stack gap="md">
          <Text size="sm">
            Confirm only once the clinic holds an agreement with <strong>{entry.licence.holder}</strong>. Your
            name, the date and the reference are recorded in the audit trail.
          </Text>
          <Text size="sm" c="dimmed">
            {entry.licence.terms}
          </Text>
          <TextInput
            label="Licence or agreement reference"
            description="For example the licensor's agreement number"
            value={reference}
            onChange={(e) => {
              setReference(e.currentTarget.value);
              setError(null);
            }}
            error={error}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button onClick={submit} loading={confirm.isPending}>
              Confirm licence
            </Button>
          </Group>
        </Stack>
      )}
    </AppModal>
  );
}

export function QuestionnairesPage() {
  usePageTitle("Questionnaires");
  const me = useStaff();
  const plan = usePlan();
  const catalogue = useCatalogue();
  const [confirming, setConfirming] = useState<CatalogueEntry | null>(null);
  const mayConfigure = can(me, "clinic:configure");

  if (plan.isPending || catalogue.isPending) return <Loading label="Loading questionnaires…" />;
  if (plan.isError) return <LoadError error={plan.error} retry={() => plan.refetch()} what="plan" />;
  if (catalogue.isError)
    return <LoadError error={catalogue.error} retry={() => catalogue.refetch()} what="catalogue" />;

  return (
    <Stack gap="lg" maw={1280}>
      <PageHeader
        title="Questionnaires"
        description={
          mayConfigure
            ? "What this clinic asks at each timepoint, and the licences that allow it."
            : "What this clinic asks at each timepoint. Administrators change the plan and confirm licences."
        }
      />
      <PlanEditor
        key={plan.data.updatedAt ?? "initial"}
        view={plan.data}
        catalogue={catalogue.data}
        mayEdit={mayConfigure}
      />
      <Stack gap="sm" component="section" aria-labelledby="catalogue-h">
        <Title order={2} size="h4" id="catalogue-h">
          Instrument catalogue
        </Title>
        <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} spacing="md">
          {catalogue.data.items.map((entry) => (
            <Card
              key={entry.id}
              withBorder
              radius="md"
              padding="md"
              component="article"
              aria-labelledby={`i-${entry.id}`}
            >
              <Stack gap="xs" h="100%">
                <div>
                  <Title order={3} size="h5" id={`i-${entry.id}`}>
                    {entry.title}
                  </Title>
                  <Text size="xs" c="dimmed">
                    Version {entry.version} · {entry.items} {entry.items === 1 ? "question" : "questions"} ·
                    recall: {entry.recallPeriod}
                  </Text>
                </div>
                <LicenceLine entry={entry} />
                <Text size="sm">
                  <Text span fw={600}>
                    Licence holder:
                  </Text>{" "}
                  {entry.licence.holder}
                </Text>
                <Text size="sm" c="dimmed">
                  {entry.licence.terms}
                </Text>
                <Text size="sm" mt="auto">
                  <Text span fw={600}>
                    Asked at:
                  </Text>{" "}
                  {entry.timepoints.length > 0
                    ? entry.timepoints.map(timepointLabel).join(", ")
                    : "not in the plan"}
                </Text>
                {mayConfigure && entry.licence.agreementNeeded && (
                  <Button
                    variant={entry.confirmation ? "default" : "light"}
                    size="xs"
                    leftSection={<IconCertificate size={16} aria-hidden />}
                    onClick={() => setConfirming(entry)}
                    style={{ alignSelf: "flex-start" }}
                    aria-label={`${entry.confirmation ? "Record a renewed licence" : "Confirm licence"}: ${entry.shortTitle}`}
                  >
                    {entry.confirmation ? "Record a renewed licence" : "Confirm licence"}
                  </Button>
                )}
              </Stack>
            </Card>
          ))}
        </SimpleGrid>
      </Stack>
      <ConfirmDialog entry={confirming} onClose={() => setConfirming(null)} />
    </Stack>
  );
}
