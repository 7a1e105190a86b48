/**
 * The recovery phases in Spanish (usted form, plain words), phase for phase with recovery.ts: only
 * what the patient reads changes; the days, the certainty and the sources stay the English
 * phase's. Each phase is held to the INFLESZ threshold for Spanish patient text
 * (readability/spanish.ts; readability/patient-texts-es.test.ts), and like the English none says
 * that a cell therapy works or is approved.
 */
import { EMERGENCY_NUMBER } from "../emergency-number";
import type { ContentLanguage } from "../evidence/types";
import type { RecoveryPhase, RecoveryPhaseWords } from "./recovery";

/** Las señales de urgencia tras una aguja cerca de la columna (ver recovery.ts). */
const URGENCIA_COLUMNA = `Vaya a urgencias o llame al ${EMERGENCY_NUMBER} ya si nota las piernas débiles o no puede orinar o aguantar la caca. Haga lo mismo si se le duerme la piel entre las piernas.`;

const AVISO_AGUJA = `Llame a la clínica ya si tiene fiebre o escalofríos, o la piel está roja, hinchada o le sale líquido donde entró la aguja. ${URGENCIA_COLUMNA}`;

const actividad: RecoveryPhaseWords = {
  title: "Semanas 3 a 6: más actividad",
  text: "Haga un poco más cada semana, con fisioterapia o ejercicios en casa. El ejercicio ayuda al dolor de espalda, sea cual sea el tratamiento que tuvo. En este tiempo el dolor suele subir y bajar. Es normal y no quiere decir que algo haya ido mal.",
  tasks: ["Fisioterapia o ejercicios en casa, 2 o 3 veces por semana", "Haga un poco más cada semana"],
  warning: "Llame a la clínica si el dolor sube mucho y no baja, o si tiene fiebre.",
};

const largoPlazo: RecoveryPhaseWords = {
  title: "Después de 6 meses: a largo plazo",
  text: "Sus respuestas a los 12 y 24 meses dicen si el cambio dura. Cuente a la clínica si tiene otro tratamiento o una operación. Así sus datos serán ciertos.",
  tasks: ["Conteste sus cuestionarios de los 12 y los 24 meses"],
  warning: null,
};

export const recoveryPhaseWordsEs: Readonly<Record<string, RecoveryPhaseWords>> = {
  "harvest-rest": {
    title: "Semanas 1 y 2: descanso y cuidado de la zona de la toma",
    text: "Le sacaron células del hueso de la cadera o de la grasa bajo la piel, y luego se las pusieron en la espalda. Es normal que las dos zonas duelan y tengan moratones unos días. Descanse 1 o 2 semanas. Puede dar paseos cortos. No cargue peso, y no se bañe en la bañera ni en la piscina hasta que la piel esté curada.",
    tasks: [
      "Tenga limpias y secas la zona de la toma y la de la inyección",
      "Camine un poco cada día",
      "No cargue cosas pesadas",
    ],
    warning: `Llame a la clínica ya si tiene fiebre o escalofríos, o la piel está roja, hinchada o le sale líquido donde le sacaron las células o entró la aguja. Llame también si sangra y no para. ${URGENCIA_COLUMNA}`,
  },
  "harvest-activity": actividad,
  "harvest-effect": {
    title: "Meses 2 a 6: cuándo se vería algún efecto",
    text: "Este tratamiento aún está en estudio. No está aprobado por la FDA para el dolor de espalda. Si ayuda, lo normal es que se note a los 3 o 6 meses. El dolor de espalda también suele mejorar solo con el tiempo, así que un cambio no prueba que lo causara el tratamiento. Para las células puestas en el disco, un buen estudio vio que una inyección falsa ayudó lo mismo.",
    tasks: ["Siga con el ejercicio", "Conteste sus cuestionarios de los 3 y los 6 meses"],
    warning: null,
  },
  "harvest-long-term": largoPlazo,
  "cells-rest": {
    title: "Semanas 1 y 2: calma",
    text: "Esta vez no le sacaron células. Le pusieron en la espalda células criadas en un laboratorio o de un donante. Es normal que la zona de la aguja duela unos días. Camine un poco cada día, pero no cargue peso.",
    tasks: ["Camine un poco cada día", "Tenga limpia y seca la zona de la inyección"],
    warning: AVISO_AGUJA,
  },
  "cells-activity": actividad,
  "cells-effect": {
    title: "Meses 2 a 6: cuándo se vería algún efecto",
    text: "Estos tratamientos aún están en estudio. No están aprobados por la FDA para el dolor de espalda. No se sabe si ayudan ni cuándo. En el mayor estudio de células de donante, a quienes les pusieron células no les fue mejor que a quienes les pusieron una inyección falsa. El dolor de espalda también suele mejorar solo con el tiempo, así que un cambio no prueba que lo causara el tratamiento.",
    tasks: ["Siga con el ejercicio", "Conteste sus cuestionarios de los 3 y los 6 meses"],
    warning: null,
  },
  "cells-long-term": largoPlazo,
  "prp-rest": {
    title: "Semanas 1 y 2: calma",
    text: "Le sacaron un poco de sangre del brazo y una máquina la separó para hacer el PRP. Luego se lo pusieron en la espalda. Puede salirle un moratón en el brazo. Es normal que la zona de la aguja duela unos días, y el dolor puede subir un poco al principio. Camine un poco cada día, pero no cargue peso.",
    tasks: ["Camine un poco cada día", "Tenga limpia y seca la zona de la inyección"],
    warning: AVISO_AGUJA,
  },
  "prp-activity": actividad,
  "prp-effect": {
    title: "Meses 2 a 6: cuándo se vería algún efecto",
    text: "El PRP para el dolor de espalda aún está en estudio. No está aprobado por la FDA para el dolor de espalda. Dos estudios pequeños compararon el PRP en el disco con una inyección falsa. En uno, a quienes les pusieron PRP les fue algo mejor en las 8 primeras semanas. En el otro, no les fue mejor al cabo de un año. El dolor de espalda suele mejorar solo, así que un cambio no prueba que lo causara el tratamiento.",
    tasks: ["Siga con el ejercicio", "Conteste sus cuestionarios de los 3 y los 6 meses"],
    warning: null,
  },
  "prp-long-term": largoPlazo,
  "injection-days": {
    title: "Semanas 1 y 2: los primeros días",
    text: "La zona donde entró la aguja puede doler unos días. El dolor puede subir un poco antes de bajar. Casi todos vuelven a su vida normal en uno o dos días. Siga en movimiento: los paseos cortos ayudan.",
    tasks: ["Camine un poco cada día", "Tenga limpia y seca la zona de la aguja durante 2 días"],
    warning: `Llame a la clínica ya si tiene fiebre o escalofríos, o la piel está roja o le sale líquido donde entró la aguja. Llame también si le duele mucho la cabeza y le duele más al ponerse de pie. ${URGENCIA_COLUMNA}`,
  },
  "injection-effect": {
    title: "Semanas 3 a 12: cuánto ayuda",
    text: "Una inyección de corticoide para el dolor de pierna ayuda a algunas personas unas semanas. En los estudios, no ayudó más de 3 meses. Siga con sus ejercicios: ayudan al dolor de espalda en todo caso.",
    tasks: [
      "Fisioterapia o ejercicios en casa, 2 o 3 veces por semana",
      "Conteste sus cuestionarios de las 6 semanas y los 3 meses",
    ],
    warning: "Llame a la clínica si el dolor sube mucho y no baja, o si tiene fiebre.",
  },
  "injection-long-term": {
    title: "Después de 3 meses: a largo plazo",
    text: "A estas alturas el efecto del corticoide suele haber pasado. Sus respuestas a los 6, 12 y 24 meses dicen qué duró. Cuente a la clínica si tiene otro tratamiento, como otra inyección.",
    tasks: ["Siga con el ejercicio", "Conteste sus cuestionarios de seguimiento"],
    warning: null,
  },
  "rf-days": {
    title: "Semanas 1 y 2: los primeros días",
    text: "Las zonas donde entraron las agujas pueden doler. Durante una o dos semanas la zona puede doler, arder o notarse algo dormida mientras los nervios se calman. Es normal. Vuelva a las tareas ligeras al día siguiente y siga en movimiento: los paseos cortos ayudan.",
    tasks: ["Camine un poco cada día", "Tenga limpias y secas las zonas de las agujas durante 2 días"],
    warning: AVISO_AGUJA,
  },
  "rf-effect": {
    title: "Semanas 3 a 12: cuánto ayuda",
    text: "Si ayuda, el alivio suele crecer en las primeras semanas. Es para el dolor de las pequeñas juntas de atrás de la columna, cuando antes ayudó una inyección de prueba. No a todos les alivia. Siga con sus ejercicios: ayudan al dolor de espalda en todo caso.",
    tasks: [
      "Fisioterapia o ejercicios en casa, 2 o 3 veces por semana",
      "Conteste sus cuestionarios de las 6 semanas y los 3 meses",
    ],
    warning: "Llame a la clínica si el dolor sube mucho y no baja, o si tiene fiebre.",
  },
  "rf-long-term": {
    title: "Después de 3 meses: a largo plazo",
    text: "Los nervios tratados con calor pueden volver a crecer, así que el dolor puede volver al cabo de unos meses. Si le ayudó, pregunte a su médico si se puede repetir. Sus respuestas a los 6, 12 y 24 meses dicen qué duró. Cuente a la clínica si tiene otro tratamiento.",
    tasks: ["Siga con el ejercicio", "Conteste sus cuestionarios de seguimiento"],
    warning: null,
  },
  "surgery-wound": {
    title: "Semanas 1 y 2: que sane la herida",
    text: "Siga lo que le diga su cirujano sobre la herida y sobre moverse. Levántese y camine el primer o el segundo día, y un poco más cada día. Tenga la herida limpia y seca, y no la meta en la bañera hasta que esté curada. No cargue peso y no se doble ni se gire mucho.",
    tasks: ["Paseos cortos cada día", "Tenga la herida limpia y seca"],
    warning: `Llame a la clínica ya si la herida se pone roja, caliente o hinchada, si le sale líquido o si tiene fiebre. Llame también si nota las piernas dormidas. ${URGENCIA_COLUMNA}`,
  },
  "surgery-rehab": {
    title: "Semanas 3 a 12: rehabilitación y trabajo",
    text: "Haga más actividad poco a poco, con fisioterapia si se la ofrecieron. Tras quitar parte de un disco, mucha gente vuelve a un trabajo ligero en unas semanas. Tras una fusión, suele tardar 3 meses o más. Pregunte a su cirujano antes de conducir o cargar peso.",
    tasks: ["Fisioterapia o ejercicios en casa", "Hable con su cirujano de cuándo volver al trabajo"],
    warning:
      "Llame a la clínica si la herida se abre o le sale líquido, o si el dolor de pierna vuelve con fuerza.",
  },
  "surgery-long-term": {
    title: "Después de 3 meses: a largo plazo",
    text: "Tras una fusión, los huesos tardan muchos meses en unirse, a menudo hasta un año. Tras las dos operaciones, la mejoría puede seguir hasta un año. Para la ciática, operarse pronto ayuda a mejorar antes. Al año, a los que se operaron y a los que esperaron les suele ir más o menos igual.",
    tasks: ["Siga con sus ejercicios", "Conteste sus cuestionarios de seguimiento"],
    warning: null,
  },
  "conservative-start": {
    title: "Semanas 1 a 6: en marcha",
    text: "Siga activo y practique lo que le enseñaron, casi todos los días. Casi todos los planes de ejercicio o de terapia hablada duran de 6 a 12 semanas. Las medicinas para el dolor de espalda ayudan poco, y van mejor con ejercicio. El dolor suele bajar en las 6 primeras semanas, en parte por sí solo.",
    tasks: [
      "Practique sus ejercicios casi todos los días",
      "Tome las medicinas solo como lo acordó con su médico",
    ],
    warning: "Llame a la clínica si el dolor sube mucho, o si nota las piernas más débiles o dormidas.",
  },
  "conservative-practice": {
    title: "Semanas 7 a 12: qué esperar",
    text: "Ahora se avanza más despacio, pero los pasos pequeños suman. Casi todos mejoran un poco, y algunos mucho. Si una medicina no le ha ayudado hasta ahora, pregunte a su médico si debe dejarla. No deje los opioides de golpe por su cuenta.",
    tasks: ["Siga practicando", "Conteste su cuestionario de los 3 meses"],
    warning: null,
  },
  "conservative-keep-on": {
    title: "Después de 3 meses: siga así",
    text: "Siga con lo que le ayuda, también cuando se sienta mejor. Cuente a la clínica si va a peor, o si tiene otro tratamiento. Sus respuestas a los 6 y 12 meses dicen qué duró.",
    tasks: ["Siga con el ejercicio", "Conteste sus cuestionarios de seguimiento"],
    warning: null,
  },
};

/** A phase's words in the given language (the days, certainty and sources are the phase's own). */
export function localizedPhase<P extends Pick<RecoveryPhase, "id"> & RecoveryPhaseWords>(
  phase: P,
  lang: ContentLanguage,
): P {
  const words = lang === "es" ? recoveryPhaseWordsEs[phase.id] : undefined;
  return words ? { ...phase, ...words, tasks: [...words.tasks] } : phase;
}
