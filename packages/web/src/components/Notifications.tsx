/**
 * The pop-up notifications, loaded the first time one is shown. Pages call `notifications.show`
 * (a small store); the component that draws them, with its transitions, is a chunk of its own, so
 * the portal's sign-in and questionnaire pages, which never show one, do not download it.
 */
import { useNotifications } from "@mantine/notifications";
import { lazy, Suspense, useState } from "react";

const Drawn = lazy(() => import("./NotificationsDrawn").then((m) => ({ default: m.NotificationsDrawn })));

export function Notifications() {
  const shown = useNotifications().notifications.length > 0;
  const [wanted, setWanted] = useState(false);
  if (shown && !wanted) setWanted(true);
  if (!wanted) return null;
  return (
    <Suspense fallback={null}>
      <Drawn position="top-right" />
    </Suspense>
  );
}
