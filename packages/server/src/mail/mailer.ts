/** Sending e-mail: one interface, SMTP through nodemailer (SMTP_URL), or none at all. */
import nodemailer from "nodemailer";

export type OutgoingMail = { to: string; subject: string; text: string; messageId: string };

export type Mailer = {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
};

export function smtpMailer(url: string, from: string): Mailer {
  const transport = nodemailer.createTransport(url);
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
