import "@mantine/core/styles.css";
import "@mantine/charts/styles.css";
import "@mantine/notifications/styles.css";
import "./focus.css";
import { MantineProvider } from "@mantine/core";
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { RouterProvider } from "react-router/dom";
import { isApiError } from "./api/client";
import { keys } from "./api/queries";
import { Notifications } from "./components/Notifications";
import { router } from "./router";
import { setZodJitless } from "./zod-settings";

// zod probes `new Function` to speed up parsing; our Content-Security-Policy forbids eval, so the
// probe logs a violation on every page. Without the probe zod is as correct, only a bit slower.
// zod keeps its settings on this global and takes them from there when it loads; setting it
// here, rather than calling z.config, keeps zod out of the first download of pages that never
// parse with it (the portal's sign-in). zod-settings.test.ts checks that zod still reads it.
setZodJitless(globalThis);

import { cssVariablesResolver, theme } from "./theme";

// A 401 anywhere means the session ended (expired, signed out elsewhere): forget the user so
// the route guards send them to sign in, instead of every page showing its own error.
function onAuthError(error: unknown) {
  if (isApiError(error) && error.status === 401) queryClient.setQueryData(keys.me, null);
}

const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError: onAuthError }),
  mutationCache: new MutationCache({ onError: onAuthError }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: true,
      // Retry network hiccups, not answers the server meant (4xx).
      retry: (count, error) => count < 2 && !(isApiError(error) && error.status >= 400 && error.status < 500),
    },
  },
});

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");

createRoot(root).render(
  <StrictMode>
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <Notifications />
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
