import { conditionLabel } from "@evident/domain";
import type { PatientDetail } from "@evident/domain/api";
import { Divider, Paper, Stack, Title } from "@mantine/core";
import { Facts } from "../../components/Facts";
import { formatDate } from "../../components/format";
import { PortalAccess } from "./PortalAccess";

export function DetailsCard({ patient, mayInvite }: { patient: PatientDetail; mayInvite: boolean }) {
  const episode = patient.episodes[0];
  return (
    <Paper
      withBorder
      radius="md"
      p={{ base: "sm", sm: "md" }}
      component="section"
      aria-labelledby="details-h"
    >
      <Stack gap="sm">
        <Title order={2} size="h4" id="details-h">
          Back-pain episode
        </Title>
        <Facts
          items={[
            ["Condition", episode ? conditionLabel(episode.condition) : "—"],
            ["Levels", episode?.spinalLevels.length ? episode.spinalLevels.join(", ") : "Not recorded"],
            ["Pain since", formatDate(episode?.onsetDate)],
          ]}
        />
        <Divider />
        <Title order={2} size="h4">
          Contact
        </Title>
        <Facts
          items={[
            ["E-mail", patient.email ?? "—"],
            ["Phone", patient.phone ?? "—"],
            [
              "Language",
              patient.language === "es" ? "Spanish (portal and e-mails)" : "English (portal and e-mails)",
            ],
          ]}
        />
        <Divider />
        <Title order={2} size="h4">
          Patient portal
        </Title>
        <PortalAccess patient={patient} mayInvite={mayInvite} />
      </Stack>
    </Paper>
  );
}
