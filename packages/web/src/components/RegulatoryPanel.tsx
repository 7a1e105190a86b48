/**
 * The regulatory panel for a proposed cell or tissue product: the likely US pathway with each
 * reason and its citations (domain/regulatory), the paragraph for the consent form, and, always,
 * that this is not legal advice and that no cell product is FDA-approved for back pain.
 */
import { citations } from "@evident/domain";
import {
  classifyProduct,
  clinicianSummary,
  consentParagraph,
  NOT_APPROVED,
  NOT_LEGAL_ADVICE,
  type ProposedProduct,
  pathwayLabels,
} from "@evident/domain/regulatory";
import { Alert, Blockquote, List, Stack, Text, Title } from "@mantine/core";
import { IconScale } from "@tabler/icons-react";

export function RegulatoryPanel({
  product,
  headingOrder = 4,
}: {
  product: ProposedProduct | null;
  /** The level of its one heading: one below the heading it sits under (3 inside a dialog). */
  headingOrder?: 3 | 4 | 5;
}) {
  if (!product)
    return (
      <Alert color="yellow" title="Likely regulatory pathway" icon={<IconScale aria-hidden />}>
        <Stack gap={4}>
          <Text size="sm">Shown here once the product's facts above are filled in.</Text>
          <Text size="sm">{NOT_APPROVED}</Text>
          <Text size="xs">{NOT_LEGAL_ADVICE}</Text>
        </Stack>
      </Alert>
    );
  const a = classifyProduct(product);
  return (
    <Alert
      color="yellow"
      icon={<IconScale aria-hidden />}
      title={`Likely regulatory pathway: ${pathwayLabels[a.pathway]}`}
      aria-live="polite"
      data-testid="regulatory-panel"
    >
      <Stack gap="xs">
        <Text size="sm">
          Certainty: {a.certainty} · rules {a.rulesVersion}. {clinicianSummary(a)}
        </Text>
        <List size="sm" spacing={4}>
          {a.reasons.map((r) => (
            <List.Item key={r.text}>
              {r.text}
              {r.sources.length > 0 && (
                <Text size="xs" c="dimmed">
                  {r.sources.map((k) => citations[k].text).join("; ")}
                </Text>
              )}
            </List.Item>
          ))}
        </List>
        <Title order={headingOrder} size="h6">
          For the consent form
        </Title>
        <Blockquote p="xs" color="gray" fz="sm">
          {consentParagraph(a)}
        </Blockquote>
        <Text size="sm" fw={600}>
          {NOT_APPROVED}
        </Text>
        <Text size="xs">{NOT_LEGAL_ADVICE}</Text>
      </Stack>
    </Alert>
  );
}
