/**
 * Follow-ups open now or opening within a week, closing soonest first, with the contacts made. The
 * window column says what matters to whoever is calling: when it opens or closes, and whether the
 * target date has passed (an answer after the window closes is lost to the outcomes). Under each
 * name, the latest contact: three columns fit a phone.
 */
import { timepointLabel } from "@evident/domain";
import { Anchor, Table, Text } from "@mantine/core";
import { Link } from "react-router";
import type { DueFollowUp } from "../../api/worklist";
import { formatDate } from "../../components/format";

const contactWords = ["not contacted yet", "invited", "reminded once", "reminded twice"];

/** The latest contact, or why there is none: without an active portal account nothing is e-mailed. */
export function contactLabel(contacts: number, emailable = true): string {
  if (contacts === 0 && !emailable) return "no portal account: call";
  return contactWords[contacts] ?? `${contacts} contacts`;
}

export function FollowUpTable({
  items,
  today,
  caption,
}: {
  items: DueFollowUp[];
  today: string;
  caption: string;
}) {
  return (
    <Table.ScrollContainer minWidth={320}>
      <Table aria-label={caption} striped verticalSpacing={6}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Patient</Table.Th>
            <Table.Th style={{ whiteSpace: "nowrap" }}>Follow-up</Table.Th>
            <Table.Th>Window</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((f) => {
            const opening = f.windowStart > today;
            const late = !opening && f.dueDate < today;
            return (
              <Table.Tr key={f.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/patients/${f.patientId}`} size="sm">
                    {f.patientName}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {contactLabel(f.contacts, f.emailable)}
                  </Text>
                </Table.Td>
                <Table.Td style={{ whiteSpace: "nowrap" }}>{timepointLabel(f.timepoint)}</Table.Td>
                <Table.Td>
                  <Text size="sm" c={opening ? "dimmed" : undefined}>
                    {opening ? `opens ${formatDate(f.windowStart)}` : `closes ${formatDate(f.windowEnd)}`}
                  </Text>
                  {late && (
                    <Text size="xs" c="red.9">
                      target date {formatDate(f.dueDate)} passed
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
