/**
 * Links into the library from other portal screens: a card on the portal home, the warning-signs
 * link under an intake's advice (after, never instead of, what to do and where to go), and the
 * links beside the decision aid.
 */
import { Anchor, Button, Card, Group, Text } from "@mantine/core";
import { IconBook } from "@tabler/icons-react";
import { Link } from "react-router";
import { useLibraryCopy } from "./copy";

export function LibraryCard() {
  const t = useLibraryCopy();
  return (
    <Card withBorder radius="lg" padding="md">
      <Group justify="space-between" wrap="nowrap">
        <div>
          <Text fw={600}>{t.cardTitle}</Text>
          <Text size="sm">{t.cardText}</Text>
        </div>
        <Button
          component={Link}
          to="/portal/library"
          variant="light"
          style={{ flex: "none" }}
          leftSection={<IconBook size={16} aria-hidden />}
        >
          {t.open}
        </Button>
      </Group>
    </Card>
  );
}

export function WarningSignsLink() {
  const t = useLibraryCopy();
  return (
    <Card withBorder radius="md" padding="md">
      <Text size="sm">{t.warningSignsHint}</Text>
      <Anchor component={Link} to="/portal/library/warning-signs" fw={600}>
        {t.warningSigns}
      </Anchor>
    </Card>
  );
}

export function ChoicesLibraryLinks() {
  const t = useLibraryCopy();
  return (
    <Card withBorder radius="md" padding="md" component="aside" aria-label={t.title}>
      <Text size="sm">{t.aboutChoices}</Text>
      <Group gap="md" mt={4}>
        <Anchor component={Link} to="/portal/library/treatments">
          {t.treatmentsLink}
        </Anchor>
        <Anchor component={Link} to="/portal/library/stem-cell-shots">
          {t.stemCellLink}
        </Anchor>
        <Anchor component={Link} to="/portal/library">
          {t.openLibrary}
        </Anchor>
      </Group>
    </Card>
  );
}
