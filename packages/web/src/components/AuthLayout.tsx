import { Box, Container, Paper, Stack } from "@mantine/core";
import type { ReactNode } from "react";
import { Brand } from "./Brand";

/** A narrow centred card for sign-in and welcome pages; full width on phones. */
export function AuthLayout({ children, brandSuffix }: { children: ReactNode; brandSuffix?: string }) {
  return (
    <Box bg="var(--mantine-color-gray-0)" mih="100dvh" py={{ base: "md", sm: 48 }}>
      <Container size={440} px={{ base: "sm", sm: "md" }}>
        <Stack gap="lg">
          <Box component="header" px="xs">
            <Brand suffix={brandSuffix} />
          </Box>
          <Paper component="main" id="main" withBorder shadow="xs" p={{ base: "md", sm: "xl" }} radius="lg">
            {children}
          </Paper>
        </Stack>
      </Container>
    </Box>
  );
}
