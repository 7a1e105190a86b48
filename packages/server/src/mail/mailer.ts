/** Sending e-mail: one interface, SMTP through nodemailer (SMTP_URL), or none at all. */
import nodemailer from "nodemailer";

export type OutgoingMail = { to: string; subject: string; text: string; messageId: string };

export type Mailer = {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
};

export function smtpMailer(url: string, from: string): Mailer {
  // Short timeouts: a message is handed over inside a database transaction that a patient's
  // answer may be waiting for (db/repos/outbox.ts), so a stuck server must not hold it long.
  // nodemailer reads transport options from the URL's query; SMTP_URL may set its own.
  const withTimeouts = new URL(url);
  for (const [k, v] of Object.entries({
    connectionTimeout: 15_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  }))
    if (!withTimeouts.searchParams.has(k)) withTimeouts.searchParams.set(k, String(v));
  const transport = nodemailer.createTransport(withTimeouts.toString());
  return {
    async send(mail) {
      await transport.sendMail({
        from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        // A stable Message-ID: if a crash makes us send twice, receiving servers can tell.
        messageId: `<${mail.messageId}@evident.invalid>`,
      });
    },
    close: () => transport.close(),
  };
}
