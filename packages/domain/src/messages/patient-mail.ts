/**
 * The e-mails a patient gets about their account and diary, in the patient's language: the portal
 * invitation, a password reset and the daily diary reminder (follow-up invitations and reminders
 * are pathway/contacts.ts). Plain words, no clinical content; the link is the only thing that
 * changes per message (its token is added at dispatch). Spanish in usted form.
 */
import type { PatientLanguage } from "../language";
import { dayInWords } from "../pathway/contacts";
import { dayInWordsEs } from "../pathway/contacts-es";

export type Mail = { subject: string; body: string };

/** An instant as the day and the time in UTC, in words the reader's language uses. */
export function instantInWords(at: Date, lang: PatientLanguage): string {
  const day = at.toISOString().slice(0, 10);
  const time = at.toISOString().slice(11, 16);
  return lang === "es" ? `${dayInWordsEs(day)}, a las ${time} (UTC)` : `${dayInWords(day)}, ${time} UTC`;
}

export function portalInvitationMail(
  lang: PatientLanguage,
  t: { givenName: string; clinicName: string; link: string; expiresAt: Date },
): Mail {
  const until = instantInWords(t.expiresAt, lang);
  if (lang === "es")
    return {
      subject: `${t.clinicName}: su portal del paciente de Evident`,
      body: [
        `Estimado/a ${t.givenName}:`,
        "",
        `${t.clinicName} le invita al portal del paciente de Evident. Allí puede contestar preguntas cortas sobre su dolor de espalda antes y después del tratamiento. Sus respuestas ayudan a su equipo, y ayudan a saber con honradez qué tratamientos sirven.`,
        "",
        `Abra este enlace para elegir su contraseña (sirve una vez, hasta el ${until}):`,
        t.link,
        "",
        "Si no esperaba este mensaje, puede ignorarlo.",
      ].join("\n"),
    };
  return {
    subject: `${t.clinicName}: your Evident patient portal`,
    body: [
      `Dear ${t.givenName},`,
      "",
      `${t.clinicName} has invited you to the Evident patient portal, where you can answer short questionnaires about your back pain before and after treatment. Your answers help your care team, and help find out honestly which treatments work.`,
      "",
      `Open this link to set your password (it works once, until ${until}):`,
      t.link,
      "",
      "If you did not expect this message, you can ignore it.",
    ].join("\n"),
  };
}

export function passwordResetMail(
  lang: PatientLanguage,
  t: { name: string; clinicName: string; link: string },
): Mail {
  if (lang === "es")
    return {
      subject: `${t.clinicName}: cambie su contraseña de Evident`,
      body: [
        `Estimado/a ${t.name}:`,
        "",
        "Alguien ha pedido cambiar la contraseña de su cuenta de Evident. Si fue usted, abra este enlace y elija una nueva. El enlace sirve una vez, durante una hora:",
        t.link,
        "",
        "Si no fue usted, puede ignorar este correo. Su contraseña sigue igual.",
      ].join("\n"),
    };
  return {
    subject: `${t.clinicName}: reset your Evident password`,
    body: [
      `Dear ${t.name},`,
      "",
      "Someone asked to reset the password of your Evident account. If it was you, open this link and choose a new password. The link works once, for one hour:",
      t.link,
      "",
      "If it was not you, you can ignore this e-mail. Your password stays as it is.",
    ].join("\n"),
  };
}

export function diaryReminderMail(lang: PatientLanguage, t: { clinicName: string; link: string }): Mail {
  if (lang === "es")
    return {
      subject: "Su diario del dolor de hoy",
      body: `Hola:\n\n¿Cómo ha ido su espalda hoy? Anotarlo en su diario del dolor le lleva un minuto: ${t.link}\n\nUsted pidió este aviso diario; puede quitarlo en la página del diario.\n\n${t.clinicName}`,
    };
  return {
    subject: "Your pain diary for today",
    body: `Hello,\n\nHow was your back today? It takes a minute to write it in your pain diary: ${t.link}\n\nYou asked for this daily reminder; you can turn it off on the diary page.\n\n${t.clinicName}`,
  };
}
