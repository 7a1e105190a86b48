/** The safety questions' screens in Spanish (usted form), key for key with copy.ts. */
import type { IntakeTopic } from "@evident/domain/triage";
import type { IntakeCopy } from "./copy";

export const intakeCopyEs: IntakeCopy = {
  pageTitle: "Preguntas de seguridad",
  title: "Preguntas de seguridad",
  intro:
    "Antes de nada, le preguntamos por unas pocas señales que pueden indicar que su espalda necesita atención " +
    "enseguida. La mayoría de la gente no tiene ninguna. Responda todas las preguntas, por favor. Si no lo " +
    "sabe, elija No lo sé: un médico se lo preguntará. Se tarda unos cinco minutos.",
  yes: "Sí",
  no: "No",
  unsure: "No lo sé",
  send: "Enviar mis respuestas",
  sending: "Enviando…",
  missingOne: "Responda esta pregunta, por favor.",
  missingSome: (n: number) =>
    n === 1 ? "Le falta una respuesta. La marcamos abajo." : `Le faltan ${n} respuestas. Las marcamos abajo.`,
  sendFailed: "No pudimos enviar sus respuestas. Inténtelo de nuevo.",
  startCardTitle: "Empiece por las preguntas de seguridad",
  startCardText:
    "Unas preguntas breves buscan señales que necesitan atención ya. Respóndalas antes que nada, por favor.",
  start: "Ir a las preguntas de seguridad",
  stepOne: "Paso 1",
  lockedTitle: "Se abre tras el paso 1",
  lockedText: "Responda primero las preguntas de seguridad, por favor. Después podrá responder estas.",
  firstTitle: "Antes de nada, su seguridad",
  firstText:
    "Antes de estas preguntas, responda unas pocas preguntas de seguridad. Buscan señales que hay que tratar ya.",
  callEmergency: (emergencyNumber: string) => `Llame al ${emergencyNumber} ahora`,
  unsureTitle: "Preguntas en las que dijo «No lo sé»",
  unsureText:
    "Un médico se las preguntará. Si ve que tiene una de estas señales, haga lo que dice el consejo.",
  whyTitle: "Por qué",
  safetyTitle: "Si algo cambia",
  reviewedNote: "Un médico ya ha visto sus respuestas.",
  waitingNote: "Un médico verá sus respuestas. Le avisaremos cuando pueda seguir.",
  backHome: "Volver a su página",
  choicesTitle: "Sus opciones de tratamiento",
  choicesText:
    "Compare las formas de tratar el dolor de espalda, una al lado de otra, y diga qué le importa más.",
  openChoices: "Ver sus opciones",
};

export const topicTitlesEs: Record<IntakeTopic, string> = {
  "about-you": "Sobre usted",
  nerves: "Nervios, vejiga e intestino",
  infection: "Señales de infección",
  cancer: "Su salud en general",
  "injury-and-bones": "Golpes y huesos",
  pattern: "Cómo se comporta el dolor",
};
