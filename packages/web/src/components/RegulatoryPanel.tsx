/**
 * The regulatory panel for a proposed cell or tissue product: the likely US pathway with each
 * reason and its citations (domain/regulatory), the paragraph for the consent form, and, always,
 * that this is not legal advice and that no cell product is FDA-approved for back pain. Inside a
 * form (`collapsible`) the reasons and the consent wording fold away behind a button, so the
 * form's own fields and its buttons stay in view; the pathway, its certainty and the "not
 * approved" statement are always shown.
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
import { Alert, Blockquote, Button, Collapse, List, Stack, Text, Title } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconChevronDown, IconScale } from "@tabler/icons-react";
import { useId } from "react";

export function RegulatoryPanel({
  product,
  headingOrder = 4,
  collapsible = false,
}: {
  product: ProposedProduct | null;
  /** The level of its one heading: one below the heading it sits under (3 inside a dialog). */
  headingOrder?: 3 | 4 | 5;
  /** Fold the reasons and consent wording away (open on request). */
  collapsible?: boolean;
}) {
  const [open, toggle] = useDisclosure(false);
  const detailsId = useId();
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
  const details = (
    <Stack gap="xs">
      <Text size="sm">{clinicianSummary(a)}</Text>
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
    </Stack>
  );
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
          Certainty: {a.certainty} · rules {a.rulesVersion}.
        </Text>
        {collapsible ? (
          <>
            <Button
              size="compact-sm"
              variant="subtle"
              color="dark"
              style={{ alignSelf: "flex-start" }}
              rightSection={
                <IconChevronDown
                  size={14}
                  aria-hidden
                  style={{ transform: open ? "rotate(180deg)" : undefined }}
                />
              }
              aria-expanded={open}
              aria-controls={detailsId}
              onClick={toggle.toggle}
            >
              {open ? "Hide the reasons and consent wording" : "Show the reasons and consent wording"}
            </Button>
            <Collapse expanded={open}>
              <div id={detailsId}>{details}</div>
            </Collapse>
          </>
        ) : (
          details
        )}
        <Text size="sm" fw={600}>
          {NOT_APPROVED}
        </Text>
        <Text size="xs">{NOT_LEGAL_ADVICE}</Text>
      </Stack>
    </Alert>
  );
}
