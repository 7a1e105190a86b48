/**
 * Mantine's Modal with two accessibility fixes: its header is a <header> element, which axe
 * counts as a second banner landmark next to the page's, so ours is a plain div; and the close
 * button gets a name. Full screen on phones.
 */
import { Modal, type ModalRootProps } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import type { ReactNode } from "react";

export function AppModal({
  opened,
  onClose,
  title,
  size = "md",
  children,
  fullScreenBelow = "36em",
}: {
  opened: boolean;
  onClose: () => void;
  title: ReactNode;
  size?: ModalRootProps["size"];
  children: ReactNode;
  fullScreenBelow?: string;
}) {
  const fullScreen = useMediaQuery(`(max-width: ${fullScreenBelow})`);
  return (
    <Modal.Root opened={opened} onClose={onClose} size={size} fullScreen={fullScreen} centered={!fullScreen}>
      <Modal.Overlay />
      <Modal.Content>
        <Modal.Header component="div">
          <Modal.Title fw={650} fz="lg">
            {title}
          </Modal.Title>
          <Modal.CloseButton aria-label="Close" />
        </Modal.Header>
        <Modal.Body>{children}</Modal.Body>
      </Modal.Content>
    </Modal.Root>
  );
}
