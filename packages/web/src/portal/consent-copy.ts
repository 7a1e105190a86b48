/**
 * The words of the portal's consent pages, in English and Spanish, key for key (the Spanish
 * object's type is the English one's). Reading grade ≤ 8 in English and INFLESZ ≥ 55 in Spanish
 * (consent-copy.test.ts). The documents and the teach-back questions are domain content
 * (domain/consent).
 */
import { useLanguage } from "./language";

export const consentCopy = {
  homeTitle: "Consent forms",
  homeText: "Read and sign forms, or take back a consent.",
  homeButton: "Open forms",
  backHome: "← Back to your page",
  backToForms: "← Back to consent forms",
  title: "Consent forms",
  intro: "Here you can read your clinic's forms, sign them, and see what you have signed.",
  none: "Your clinic has no forms for you to sign yet.",
  signed: (date: string) => `Signed on ${date}`,
  withdrawnOn: (date: string) => `Taken back on ${date}`,
  notSigned: "Not signed",
  oldVersion: "You signed an older version of this form.",
  read: "Read and sign",
  readAgain: "Read",
  withdraw: "Take back my consent",
  withdrawTitle: "Take back your consent?",
  withdrawResearch:
    "From now on, your data will not be used in shared results or research files. Your care here will go on as before.",
  withdrawStory: "Your story will be taken down at once. Your care here will go on as before.",
  withdrawProcedure: "The clinic will not give you this treatment unless you sign again.",
  withdrawConfirm: "Yes, take it back",
  cancel: "Cancel",
  withdrawn: "Your consent is taken back.",
  researchOut:
    "You took back your research consent. Your data is no longer used in shared results or research files.",
  certainty: "How sure we are",
  sources: "Sources",
  checkTitle: "Three questions first",
  checkIntro: "Before you sign, please answer three questions. They help us make sure the form was clear.",
  checkAnswers: "Check my answers",
  rightAnswer: "Right.",
  tryAgain: "Please read this and answer again.",
  allRight: "All three answers are right. You can sign now.",
  answerAll: "Please answer all three questions.",
  signTitle: "Sign the form",
  typedName: "Type your full name",
  typedNameHint: "Typing your name here counts as your signature.",
  confirm: "I have read this form and I agree to it.",
  sign: "Sign",
  signedNow: "Thank you. Your signature is saved.",
  notSaved: "Your signature was not saved",
  hashLine: (hash: string) => `Form code: ${hash.slice(0, 12)}`,
};

export type ConsentCopy = { [K in keyof typeof consentCopy]: (typeof consentCopy)[K] };

export const consentCopyEs: ConsentCopy = {
  homeTitle: "Consentimientos",
  homeText: "Lea y firme sus papeles, o retire un consentimiento.",
  homeButton: "Ver papeles",
  backHome: "← Volver a su página",
  backToForms: "← Volver a los consentimientos",
  title: "Consentimientos",
  intro: "Aquí puede leer los papeles de su clínica, firmarlos y ver lo que ha firmado.",
  none: "Su clínica aún no tiene papeles para que firme.",
  signed: (date: string) => `Firmado el ${date}`,
  withdrawnOn: (date: string) => `Retirado el ${date}`,
  notSigned: "Sin firmar",
  oldVersion: "Usted firmó una versión anterior de este papel.",
  read: "Leer y firmar",
  readAgain: "Leer",
  withdraw: "Retirar mi consentimiento",
  withdrawTitle: "¿Retirar su consentimiento?",
  withdrawResearch:
    "Desde hoy, sus datos no se usan en los resultados juntos ni en los archivos de investigación. Su cuidado aquí sigue igual.",
  withdrawStory: "Su historia se quita enseguida. Su cuidado aquí sigue igual.",
  withdrawProcedure: "La clínica no le dará este tratamiento si no vuelve a firmar.",
  withdrawConfirm: "Sí, retirarlo",
  cancel: "Cancelar",
  withdrawn: "Ya no tiene este consentimiento.",
  researchOut:
    "Usted retiró su consentimiento para la investigación. Sus datos ya no se usan en los resultados juntos ni en los archivos de investigación.",
  certainty: "Qué tan seguros estamos",
  sources: "Fuentes",
  checkTitle: "Antes, tres preguntas",
  checkIntro: "Antes de firmar, conteste tres preguntas. Nos ayudan a ver si el papel se entiende bien.",
  checkAnswers: "Ver mis respuestas",
  rightAnswer: "Bien.",
  tryAgain: "Lea esto y conteste de nuevo.",
  allRight: "Las tres respuestas están bien. Ya puede firmar.",
  answerAll: "Conteste las tres preguntas.",
  signTitle: "Firmar el papel",
  typedName: "Escriba su nombre completo",
  typedNameHint: "Escribir su nombre aquí vale como su firma.",
  confirm: "He leído este papel y estoy de acuerdo.",
  sign: "Firmar",
  signedNow: "Gracias. Su firma está guardada.",
  notSaved: "Su firma no se guardó",
  hashLine: (hash: string) => `Código del papel: ${hash.slice(0, 12)}`,
};

export function useConsentCopy(): ConsentCopy {
  return useLanguage().lang === "es" ? consentCopyEs : consentCopy;
}
