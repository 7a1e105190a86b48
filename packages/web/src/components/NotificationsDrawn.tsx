/** The notifications' drawing component alone, so that it can be a chunk of its own (Notifications.tsx). */
export { Notifications as NotificationsDrawn } from "@mantine/notifications";
