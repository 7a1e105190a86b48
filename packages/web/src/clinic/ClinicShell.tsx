/**
 * The clinic workspace frame: header with the clinic and the user menu, a navigation bar that
 * becomes a drawer behind a burger on phones, and the page. Navigation shows only what the
 * signed-in role may open (researchers see Outcomes and Data quality alone).
 */
import {
  AppShell,
  Avatar,
  Burger,
  Group,
  Menu,
  NavLink,
  Stack,
  Text,
  UnstyledButton,
  VisuallyHidden,
} from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import {
  IconChartDots,
  IconChevronDown,
  IconClipboardList,
  IconFileExport,
  IconHistory,
  IconListCheck,
  IconListSearch,
  IconLogout,
  IconMail,
  IconScale,
  IconSettings,
  IconUserCircle,
  IconUserShield,
  IconUsers,
  type TablerIcon,
} from "@tabler/icons-react";
import { Link, Outlet, useLocation, useNavigate } from "react-router";
import { useSignOut } from "../api/queries";
import { Brand } from "../components/Brand";
import { can, RequireStaff, type StaffMe } from "../components/Guards";
import { SkipLink } from "../components/SkipLink";
import { MfaRequired } from "./account/MfaRequired";
import { scopeLabel } from "./scope";

type NavItem = { to: string; label: string; icon: TablerIcon; permission: string };

const nav: NavItem[] = [
  { to: "/patients", label: "Patients", icon: IconUsers, permission: "patients:read" },
  { to: "/worklist", label: "Worklist", icon: IconListCheck, permission: "tasks:read" },
  { to: "/decision-aid", label: "Decision aid", icon: IconScale, permission: "patients:read" },
  { to: "/outcomes", label: "Outcomes", icon: IconChartDots, permission: "outcomes:read" },
  { to: "/quality", label: "Data quality", icon: IconListSearch, permission: "outcomes:read" },
  { to: "/research-export", label: "Research export", icon: IconFileExport, permission: "research:export" },
  { to: "/questionnaires", label: "Questionnaires", icon: IconClipboardList, permission: "patients:read" },
  { to: "/messages", label: "Messages", icon: IconMail, permission: "outbox:read" },
  { to: "/staff", label: "Staff", icon: IconUserShield, permission: "staff:manage" },
  { to: "/audit", label: "Audit trail", icon: IconHistory, permission: "audit:read" },
  { to: "/settings", label: "Clinic settings", icon: IconSettings, permission: "clinic:configure" },
];

const roleLabel: Record<StaffMe["role"], string> = {
  admin: "Administrator",
  clinician: "Clinician",
  coordinator: "Coordinator",
  researcher: "Researcher",
};

function initials(name: string): string {
  const parts = name
    .replace(/^(Dr|Prof)\.?\s+/i, "")
    .split(/\s+/)
    .filter(Boolean);
  return (
    (parts[0]?.[0] ?? "") + (parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? "") : "")
  ).toUpperCase();
}

function UserMenu({ me }: { me: StaffMe }) {
  const signOut = useSignOut();
  const navigate = useNavigate();
  return (
    <Menu position="bottom-end" width={240} shadow="md">
      <Menu.Target>
        <UnstyledButton p={4} style={{ borderRadius: 8 }}>
          <Group gap={8} wrap="nowrap">
            <Avatar color="blue" radius="xl" size={32} aria-hidden>
              {initials(me.name)}
            </Avatar>
            <Stack gap={0} visibleFrom="sm">
              <Text size="sm" fw={600} lh={1.2}>
                {me.name}
              </Text>
              <Text size="xs" c="dimmed" lh={1.2}>
                {roleLabel[me.role]}
              </Text>
            </Stack>
            <VisuallyHidden hiddenFrom="sm">Account: {me.name}</VisuallyHidden>
            <IconChevronDown size={16} aria-hidden />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          {me.name} · {roleLabel[me.role]}
          <br />
          {me.email}
        </Menu.Label>
        <Menu.Divider />
        <Menu.Item component={Link} to="/account" leftSection={<IconUserCircle size={16} aria-hidden />}>
          Your account
        </Menu.Item>
        <Menu.Item
          leftSection={<IconLogout size={16} aria-hidden />}
          onClick={() =>
            signOut.mutate(undefined, { onSettled: () => navigate("/sign-in", { replace: true }) })
          }
        >
          Sign out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

function Shell({ me }: { me: StaffMe }) {
  const [opened, { toggle, close }] = useDisclosure(false);
  const { pathname } = useLocation();
  const items = nav.filter((n) => can(me, n.permission));

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 232, breakpoint: "sm", collapsed: { mobile: !opened } }}
      padding={{ base: "sm", sm: "lg" }}
    >
      <AppShell.Header>
        <SkipLink />
        <Group h="100%" px={{ base: "sm", sm: "md" }} justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={opened ? "Close navigation" : "Open navigation"}
              aria-expanded={opened}
              aria-controls="clinic-nav"
            />
            <Link to={items[0]?.to ?? "/"} aria-label="Evident home" style={{ textDecoration: "none" }}>
              <Brand size="md" />
            </Link>
            <Text size="sm" c="dimmed" visibleFrom="md" truncate>
              {scopeLabel(me)}
            </Text>
          </Group>
          <UserMenu me={me} />
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" id="clinic-nav" aria-label="Main">
        <Stack gap={4}>
          {items.map((n) => {
            const active = pathname === n.to || pathname.startsWith(`${n.to}/`);
            return (
              <NavLink
                key={n.to}
                component={Link}
                to={n.to}
                label={n.label}
                leftSection={<n.icon size={18} aria-hidden />}
                active={active}
                aria-current={active ? "page" : undefined}
                variant="light"
                fw={600}
                style={{ borderRadius: 8 }}
                onClick={close}
              />
            );
          })}
        </Stack>
        <Text size="xs" c="dimmed" mt="auto" hiddenFrom="md" pt="md">
          {scopeLabel(me)}
        </Text>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1} bg="var(--mantine-color-gray-0)">
        <Outlet context={me} />
      </AppShell.Main>
    </AppShell>
  );
}

/** Layout route for every clinic page. */
export function ClinicShell() {
  return (
    <RequireStaff>
      {(me) => (me.mfa.required && !me.mfa.enabled ? <MfaRequired me={me} /> : <Shell me={me} />)}
    </RequireStaff>
  );
}
