/**
 * The clinic's staff, for its administrators: invite, change roles, disable and re-enable, reset a
 * lost second factor, require two-step sign-in of everyone, and see and end staff sessions. The
 * server refuses (409) what would leave the clinic without an active administrator; its message
 * is shown as it comes.
 */
import type { StaffMember } from "@evident/domain/api";
import {
  Badge,
  Box,
  Button,
  Card,
  Group,
  Menu,
  Paper,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconDots } from "@tabler/icons-react";
import { useState } from "react";
import {
  useChangeRole,
  useEndStaffSession,
  useSetMfaPolicy,
  useStaffAction,
  useStaffList,
  useStaffSessions,
} from "../../api/accounts";
import { AppModal } from "../../components/AppModal";
import { useStaff } from "../../components/Guards";
import { PageHeader } from "../../components/PageHeader";
import { LoadError, Loading } from "../../components/QueryStates";
import { formErrors } from "../../components/serverErrors";
import { usePageTitle } from "../../components/usePageTitle";
import { SessionTable } from "../account/SessionTable";
import { InviteStaff } from "./InviteStaff";
import { roleOptions } from "./roles";

const statusColor = { invited: "yellow", active: "green", disabled: "gray" } as const;
const statusLabel = { invited: "Invited", active: "Active", disabled: "Disabled" } as const;

const failed = (e: unknown) =>
  notifications.show({ color: "red", title: "Not changed", message: formErrors(e, []).general.join(" ") });

/** The role picker and the actions menu of one staff member (table row on desktop, card on phones). */
function useControls(m: StaffMember, self: boolean) {
  const role = useChangeRole();
  const act = useStaffAction();
  const run = (action: "disable" | "enable" | "invitations" | "mfa-reset", done: string) =>
    act.mutate(
      { id: m.id, action },
      { onSuccess: () => notifications.show({ message: done }), onError: failed },
    );
  const roleSelect = (
    <Select
      aria-label={`Role of ${m.name}`}
      size="xs"
      data={roleOptions.map((r) => ({ value: r.value, label: r.label }))}
      value={m.role}
      allowDeselect={false}
      disabled={role.isPending}
      onChange={(v) =>
        v && v !== m.role && role.mutate({ id: m.id, role: v as StaffMember["role"] }, { onError: failed })
      }
    />
  );
  const actions = (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button size="xs" variant="default" aria-label={`Actions for ${m.name}`} loading={act.isPending}>
          <IconDots size={16} aria-hidden />
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {m.status === "invited" && (
          <Menu.Item onClick={() => run("invitations", `New invitation sent to ${m.email}.`)}>
            Send the invitation again
          </Menu.Item>
        )}
        {m.status === "disabled" ? (
          <Menu.Item onClick={() => run("enable", `${m.name} can sign in again.`)}>Re-enable</Menu.Item>
        ) : (
          !self && (
            <Menu.Item
              color="red"
              onClick={() => run("disable", `${m.name} is disabled; their sessions ended.`)}
            >
              Disable (ends their sessions)
            </Menu.Item>
          )
        )}
        {m.mfaEnabled && !self && (
          <Menu.Item onClick={() => run("mfa-reset", `Two-step sign-in of ${m.name} was reset.`)}>
            Reset two-step sign-in (lost phone)
          </Menu.Item>
        )}
        {self && <Menu.Item disabled>Your own account: see Your account</Menu.Item>}
      </Menu.Dropdown>
    </Menu>
  );
  const badges = (
    <>
      <Badge color={statusColor[m.status]} variant="light">
        {statusLabel[m.status]}
      </Badge>
      {/* Light, as the status badge: green text on an outline badge is too faint (3.4:1). */}
      <Badge color={m.mfaEnabled ? "green" : "gray"} variant="light">
        {m.mfaEnabled ? "Two-step on" : "Password only"}
      </Badge>
    </>
  );
  return { roleSelect, actions, badges };
}

function Who({ m, self }: { m: StaffMember; self: boolean }) {
  return (
    <div>
      <Text fw={600} size="sm">
        {m.name}{" "}
        {self && (
          <Badge size="xs" variant="light">
            You
          </Badge>
        )}
      </Text>
      <Text size="xs" c="dimmed">
        {m.email}
      </Text>
    </div>
  );
}

function Row({ m, self }: { m: StaffMember; self: boolean }) {
  const c = useControls(m, self);
  return (
    <Table.Tr>
      <Table.Td>
        <Who m={m} self={self} />
      </Table.Td>
      <Table.Td miw={170}>{c.roleSelect}</Table.Td>
      <Table.Td>
        <Group gap={6}>{c.badges}</Group>
      </Table.Td>
      <Table.Td>{m.activeSessions}</Table.Td>
      <Table.Td>{c.actions}</Table.Td>
    </Table.Tr>
  );
}

/** On a phone each person is a small card instead of a wide table row. */
function MemberCard({ m, self }: { m: StaffMember; self: boolean }) {
  const c = useControls(m, self);
  return (
    <Paper withBorder p="sm" radius="md" component="li">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Who m={m} self={self} />
        {c.actions}
      </Group>
      <Group gap={6} my="xs">
        {c.badges}
        <Text size="xs" c="dimmed">
          {m.activeSessions} open {m.activeSessions === 1 ? "session" : "sessions"}
        </Text>
      </Group>
      {c.roleSelect}
    </Paper>
  );
}

export function StaffPage() {
  usePageTitle("Staff");
  const me = useStaff();
  const list = useStaffList();
  const sessions = useStaffSessions();
  const endSession = useEndStaffSession();
  const policy = useSetMfaPolicy();
  const [inviting, setInviting] = useState(false);

  return (
    <Stack gap="lg">
      <PageHeader
        title="Staff"
        description="Who can sign in to this clinic, and with which role."
        actions={<Button onClick={() => setInviting(true)}>Invite staff</Button>}
      />
      <Card withBorder padding="lg">
        {list.isPending ? (
          <Loading />
        ) : list.isError ? (
          <LoadError error={list.error} retry={() => list.refetch()} what="staff" />
        ) : (
          <>
            <Box visibleFrom="sm">
              <Table.ScrollContainer minWidth={720}>
                <Table verticalSpacing="sm">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Name</Table.Th>
                      <Table.Th>Role</Table.Th>
                      <Table.Th>Status and sign-in</Table.Th>
                      <Table.Th>Sessions</Table.Th>
                      <Table.Th>Actions</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {list.data.items.map((m) => (
                      <Row key={m.id} m={m} self={m.id === me.id} />
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Box>
            <Stack
              component="ul"
              gap="sm"
              hiddenFrom="sm"
              p={0}
              m={0}
              style={{ listStyle: "none" }}
              aria-label="Staff"
            >
              {list.data.items.map((m) => (
                <MemberCard key={m.id} m={m} self={m.id === me.id} />
              ))}
            </Stack>
          </>
        )}
      </Card>
      <Card withBorder padding="lg">
        <Title order={2} size="h4" mb="xs">
          Two-step sign-in
        </Title>
        <Text size="sm" mb="sm">
          Administrators always sign in with a password and a code from an app. You can ask it of everyone.
        </Text>
        <Switch
          label="Require two-step sign-in of all staff"
          checked={list.data?.requireMfa ?? false}
          disabled={!list.data || policy.isPending}
          onChange={(e) => policy.mutate(e.currentTarget.checked, { onError: failed })}
        />
      </Card>
      <Card withBorder padding="lg">
        <Title order={2} size="h4" mb="sm">
          Open staff sessions
        </Title>
        <SessionTable
          query={sessions}
          showName
          ending={endSession.isPending}
          onEnd={(id) => endSession.mutate(id, { onSuccess: () => sessions.refetch(), onError: failed })}
        />
      </Card>
      <AppModal opened={inviting} onClose={() => setInviting(false)} title="Invite staff">
        <InviteStaff onDone={() => setInviting(false)} />
      </AppModal>
    </Stack>
  );
}
