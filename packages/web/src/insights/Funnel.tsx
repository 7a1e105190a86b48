/**
 * An attrition funnel: how many remain at each step from treated to analysed, with the share of
 * the first step, so that every result on the page shows who it leaves out. A plain list with
 * bars (the bars are decoration; the numbers are in the text).
 */
import type { Completeness, FunnelStep } from "@evident/domain/api";
import { Box, Group, Stack, Text } from "@mantine/core";
import { formatInterval, formatPercent } from "../components/format";

export function Funnel({
  steps,
  title,
  colour = "#1864ab",
}: {
  steps: FunnelStep[];
  title: string;
  colour?: string;
}) {
  const first = steps[0]?.n ?? 0;
  return (
    <Stack gap={4}>
      <Text size="sm" fw={650}>
        {title}
      </Text>
      <Box component="ol" m={0} p={0} style={{ listStyle: "none" }}>
        {steps.map((s) => {
          const share = first > 0 ? s.n / first : 0;
          return (
            <Box component="li" key={s.step} mb={4}>
              <Group justify="space-between" gap="xs" wrap="nowrap">
                <Text size="xs">{s.label}</Text>
                <Text size="xs" fw={600} style={{ whiteSpace: "nowrap", fontVariantNumeric: "tabular-nums" }}>
                  {s.n}
                  {s !== steps[0] && first > 0 ? ` (${formatPercent(share)})` : ""}
                </Text>
              </Group>
              <Box aria-hidden h={6} bg="gray.2" style={{ borderRadius: 3 }}>
                <Box
                  h={6}
                  w={`${Math.max(share * 100, s.n > 0 ? 1 : 0)}%`}
                  bg={colour}
                  style={{ borderRadius: 3 }}
                />
              </Box>
            </Box>
          );
        })}
      </Box>
    </Stack>
  );
}

/** "86% of 240 follow-ups whose window has closed were answered (95% CI 81% to 90%)". */
export function completenessText(c: Completeness): string {
  if (c.share === null) return "No follow-up window has closed yet.";
  return `${formatPercent(c.share)} of ${c.closed} follow-ups whose window has closed were answered (95% CI ${formatInterval(c.shareCI, formatPercent)}).`;
}
