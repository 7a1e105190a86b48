/**
 * A real SMTP server for the tests (the `smtp-server` package) that stores each message it
 * receives as a JSON file, and helpers to wait for one. Plain SMTP on 127.0.0.1, no TLS or
 * authentication: the app's mailer talks to it exactly as it would to a relay.
 *
 * mailparser is not installed, so bodies are decoded here: quoted-printable and base64 are the
 * two transfer encodings nodemailer uses for text.
 */
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { SMTPServer } from "smtp-server";
import { inject } from "vitest";

export type StoredMail = {
  to: string[];
  from: string;
  subject: string;
  text: string;
  /** The first web link in the text (the invitation link), if any. */
  link: string | null;
  receivedAt: string;
};

function decodeBody(body: string, encoding: string): string {
  const enc = encoding.toLowerCase();
  if (enc === "quoted-printable") {
    const joined = body.replace(/=\r?\n/g, "");
    const bytes: number[] = [];
    for (let i = 0; i < joined.length; i++) {
      const c = joined[i]!;
      const hex = joined.slice(i + 1, i + 3);
      if (c === "=" && /^[0-9A-Fa-f]{2}$/.test(hex)) {
        bytes.push(Number.parseInt(hex, 16));
        i += 2;
      } else {
        bytes.push(...Buffer.from(c, "utf8"));
      }
    }
    return Buffer.from(bytes).toString("utf8");
  }
  if (enc === "base64") return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  return body;
}

/** Decodes RFC 2047 encoded words ("=?UTF-8?Q?...?=") in a header. */
function decodeHeader(value: string): string {
  return value.replace(/=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g, (_, _charset, kind: string, text: string) =>
    kind.toUpperCase() === "B"
      ? Buffer.from(text, "base64").toString("utf8")
      : decodeBody(text.replace(/_/g, " "), "quoted-printable"),
  );
}

export function parseMessage(raw: string, envelopeTo: string[], from: string): StoredMail {
  const split = raw.search(/\r?\n\r?\n/);
  const head = split === -1 ? raw : raw.slice(0, split);
  const body = split === -1 ? "" : raw.slice(split).replace(/^\r?\n\r?\n/, "");
  // Unfold continuation lines, then read the headers we need.
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, " ").split(/\r?\n/)) {
    const i = line.indexOf(":");
    if (i > 0) headers.set(line.slice(0, i).trim().toLowerCase(), line.slice(i + 1).trim());
  }
  const text = decodeBody(body, headers.get("content-transfer-encoding") ?? "7bit").replace(/\r\n/g, "\n");
  const link = /https?:\/\/[^\s<>"]+/.exec(text)?.[0] ?? null;
  return {
    to: envelopeTo,
    from,
    subject: decodeHeader(headers.get("subject") ?? ""),
    text,
    link,
    receivedAt: new Date().toISOString(),
  };
}

export async function startMailServer(dir: string): Promise<{ port: number; close(): Promise<void> }> {
  let count = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        const to = session.envelope.rcptTo.map((r) => r.address);
        const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : "";
        count += 1;
        const file = path.join(dir, `${String(count).padStart(4, "0")}-${Date.now()}.json`);
        writeFile(file, JSON.stringify(parseMessage(raw, to, from), null, 2)).then(
          () => callback(),
          (e: Error) => callback(e),
        );
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const address = server.server.address();
  if (!address || typeof address === "string") throw new Error("SMTP server has no port");
  return {
    port: address.port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export async function readMails(dir: string): Promise<StoredMail[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith(".json")).sort();
  return Promise.all(
    files.map(async (f) => JSON.parse(await readFile(path.join(dir, f), "utf8")) as StoredMail),
  );
}

/**
 * Waits for a message to an address (the app's outbox sends every few seconds); with `subject`,
 * the first whose subject matches it.
 */
export async function waitForMail(
  dir: string,
  to: string,
  timeoutMs = 30_000,
  subject?: RegExp,
): Promise<StoredMail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = (await readMails(dir)).find(
      (m) => m.to.some((t) => t.toLowerCase() === to.toLowerCase()) && (!subject || subject.test(m.subject)),
    );
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no e-mail to ${to} arrived within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/**
 * The mail folder: the test run's, or MAIL_DIR for the screenshot scripts (they run against an app
 * whose SMTP_URL points at a server filing messages there, e.g. `startApp` in server.ts).
 */
export function mailFolder(): string {
  if (process.env.MAIL_DIR) return process.env.MAIL_DIR;
  try {
    return inject("mailDir");
  } catch {
    throw new Error("set MAIL_DIR to the folder where the app's test SMTP server files its messages");
  }
}

/**
 * The token of the one-time link in the newest e-mail to `to` (invitation, password reset): staff
 * never see it, so a test reads the patient's mail, as the patient would.
 */
export async function linkTokenFor(to: string, subject?: RegExp): Promise<string> {
  const mail = await waitForMail(mailFolder(), to, 30_000, subject);
  const token = /#([A-Za-z0-9_-]{43})/.exec(mail.link ?? "")?.[1];
  if (!token) throw new Error(`no link with a token in the e-mail to ${to}: ${mail.text}`);
  return token;
}
