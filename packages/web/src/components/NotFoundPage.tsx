import { Anchor, Stack, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import { AuthLayout } from "./AuthLayout";
import { usePageTitle } from "./usePageTitle";

export function NotFoundPage() {
  usePageTitle("Page not found");
  return (
    <AuthLayout>
      <Stack gap="sm">
        <Title order={1} size="h2">
          Page not found
        </Title>
        <Text>This address does not lead to a page. It may have been mistyped.</Text>
        <Anchor component={Link} to="/">
          Go to the start page
        </Anchor>
      </Stack>
    </AuthLayout>
  );
}
