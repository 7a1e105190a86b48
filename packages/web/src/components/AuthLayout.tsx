import { Box, Container, Group, Paper, Stack } from "@mantine/core";
import type { ReactNode } from "react";
import { Brand } from "./Brand";

/** A narrow centred card for sign-in and welcome pages; full width on phones. */
export function AuthLayout({
  children,
  brandSuffix,
  aside,
}: {
  children: ReactNode;
  brandSuffix?: string;
  /** Beside the brand (the portal's language switch). */
  aside?: ReactNode;
}) {
  return (
    <Box bg="var(--mantine-color-gray-0)" mih="100dvh" py={{ base: "md", sm: 48 }}>
      <Container size={440} px={{ base: "sm", sm: "md" }}>
        <Stack gap="lg">
          <Group component="header" px="xs" justify="space-between" gap="xs">
            <Brand suffix={brandSuffix} />
            {aside}
          </Group>
          <Paper component="main" id="main" withBorder shadow="xs" p={{ base: "md", sm: "xl" }} radius="lg">
            {children}
          </Paper>
        </Stack>
      </Container>
    </Box>
  );
}
