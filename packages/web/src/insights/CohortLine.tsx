/**
 * The cohort a figure was made from, printed under it (and written into its downloads): the
 * server's one line ("Cohort 'X' v2 (network): …"), that a cohort of 1 to 10 patients is too small
 * to show, and how many rows were left out for having 1 to 10 follow-ups due. Nothing when the
 * page is unfiltered. The line is the report's (GET /outcomes answers it for every cohort); a view
 * whose own answer carries `cohort` uses that, and a view whose answer does not say is marked as
 * not narrowed, so no figure claims a cohort it was not drawn from.
 */
import { Stack, Text } from "@mantine/core";
import { useSearchParams } from "react-router";
import { captionLines, captionOf, cohortQueryString, NOT_NARROWED } from "./cohort-params";
import { measuresFromParam, measuresParam } from "./measure-choice";
import { useOutcomes } from "./queries";

/** The page's cohort as the API's query string ("" unfiltered) and its chosen measures. */
export function usePageCohort(): { query: string; measures: string } {
  const [params] = useSearchParams();
  return {
    query: cohortQueryString(params),
    measures: measuresParam(measuresFromParam(params.get("measures"))) ?? "",
  };
}

/**
 * The lines for the page's cohort under a view whose answer is `answer` (pass the report itself,
 * or nothing, where the figure is the report's).
 */
export function useCohortLines(answer?: unknown): string[] {
  const { query, measures } = usePageCohort();
  const report = useOutcomes(query, measures);
  // While another cohort loads, the previous answer is still on screen: no line is better than a wrong one.
  if (report.isPlaceholderData) return [];
  const own = answer === undefined ? report.data?.cohort : captionOf(answer);
  return captionLines(report.data?.cohort, report.data?.patients, query !== "", own);
}

/** The cohort under a figure or table. */
export function CohortLine({ answer }: { answer?: unknown }) {
  const lines = useCohortLines(answer);
  if (lines.length === 0) return null;
  return (
    <Stack gap={0} mt={6} className="cohort-line">
      {lines.map((l, i) => (
        <Text key={l} size="xs" fw={i === 0 ? 650 : 500} c={l === NOT_NARROWED ? "orange.9" : undefined}>
          {l}
        </Text>
      ))}
    </Stack>
  );
}
