/** A real SMTP server (the `smtp-server` package) on 127.0.0.1 that keeps what it receives. */
import { SMTPServer } from "smtp-server";

export type Received = { from: string; to: string[]; raw: string };

export type Smtp = {
  url: string;
  received: Received[];
  /**
   * Holds the next message: the server reads it but does not answer (so the sender waits) until
   * `release()`. `arrived` settles when it has been read.
   */
  hold(): { arrived: Promise<void>; release(): void };
  close(): Promise<void>;
};

export async function startSmtp(): Promise<Smtp> {
  const received: Received[] = [];
  let held: { arrived(): void; gate: Promise<void> } | null = null;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      let raw = "";
      stream.setEncoding("utf8");
      stream.on("data", (d: string) => {
        raw += d;
      });
      stream.on("end", () => {
        const accept = () => {
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            to: session.envelope.rcptTo.map((r) => r.address),
            raw,
          });
          callback();
        };
        const h = held;
        held = null;
        if (!h) return accept();
        h.arrived();
        h.gate.then(accept);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as { port: number };
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    hold() {
      let arrived!: () => void;
      let release!: () => void;
      const a = new Promise<void>((r) => {
        arrived = r;
      });
      const gate = new Promise<void>((r) => {
        release = r;
      });
      held = { arrived, gate };
      return { arrived: a, release };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Undoes quoted-printable soft line breaks and escapes so a link can be found in the text. */
export function decodeQuotedPrintable(raw: string): string {
  return raw
    .replace(/=\r?\n/g, "")
    .replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
}
