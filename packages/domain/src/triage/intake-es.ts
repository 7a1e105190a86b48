/**
 * The safety questions and the advice per tier in Spanish (usted form, plain words), key for key
 * with intake.ts and tiers.ts. The answer ids and the rules are the same: only what the patient
 * reads changes. Each block is held to the INFLESZ threshold for Spanish patient text
 * (readability/spanish.ts; readability/patient-texts-es.test.ts).
 *
 * These are our own questions, not a validated instrument's, so translating them does not change
 * an instrument (unlike the questionnaires, which stay in English until a licensed translation is
 * in place). The emergency number is the clinic's (emergency-number.ts), filled in where shown.
 */
import { EMERGENCY_NUMBER } from "../emergency-number";
import type { IntakeAnswerId } from "./intake";
import { SAME_DAY_HOURS } from "./rules";
import type { AdviceKind, PatientAdvice } from "./tiers";

export type IntakeQuestionWords = { text: string; help: string; unit?: string };

export const intakeQuestionsEs: Readonly<Record<IntakeAnswerId, IntakeQuestionWords>> = {
  age: { text: "¿Cuántos años tiene?", help: "Su edad en años.", unit: "años" },
  painDurationWeeks: {
    text: "¿Hace cuántas semanas empezó este dolor de espalda?",
    help: "Cuente desde que empezó esta vez el dolor. Un año tiene unas 52 semanas.",
    unit: "semanas",
  },
  bladderDysfunction: {
    text: "Desde que tiene dolor de espalda, ¿su vejiga no funciona bien?",
    help: "Por ejemplo, no puede orinar, se le sale la orina, no nota cuándo tiene que ir o el chorro es débil.",
  },
  bowelIncontinence: {
    text: "¿Ha perdido el control al hacer caca?",
    help: "Por ejemplo, se le sale sin querer o no la puede aguantar.",
  },
  saddleNumbness: {
    text: "¿Tiene dormida o rara la piel entre las piernas o alrededor de las nalgas?",
    help: "Es la piel con la que se sentaría en una silla de montar. Mucha gente no piensa en decirlo, así que se lo preguntamos a todos.",
  },
  bilateralLegSymptoms: {
    text: "¿Tiene dolor, adormecimiento o debilidad nuevos en las dos piernas?",
    help: "Diga que sí solo si es en las dos piernas, y es nuevo o va a peor.",
  },
  newSexualDysfunction: {
    text: "Desde que tiene dolor de espalda, ¿tiene problemas nuevos con el sexo?",
    help: "Por ejemplo, siente menos en sus partes íntimas, o le cuesta más tener una erección o llegar al orgasmo.",
  },
  progressiveLegWeakness: {
    text: "¿Tiene una pierna o un pie cada vez más débil?",
    help: "Por ejemplo, el pie golpea el suelo o tropieza en los escalones, o se le dobla una rodilla, y va a peor.",
  },
  gaitDisturbance: {
    text: "¿Le cuesta caminar más que antes?",
    help: "Por ejemplo, se siente inestable o las piernas no le responden.",
  },
  numbnessOrTingling: {
    text: "¿Tiene adormecimiento u hormigueo en una pierna o un pie que es nuevo o va a peor?",
    help: "Diga que no si lleva mucho tiempo igual.",
  },
  feverOrChills: {
    text: "¿Ha tenido fiebre, escalofríos o temblores con el dolor de espalda?",
    help: "Por ejemplo, sintió calor y frío a la vez, o el termómetro marcó fiebre.",
  },
  recentInfection: {
    text: "¿Ha tenido una infección en las últimas semanas?",
    help: "Por ejemplo, de orina, del pecho o una herida infectada.",
  },
  ivDrugUse: {
    text: "¿Se ha inyectado alguna vez drogas que no le dio un médico?",
    help: "Se lo preguntamos a todos. Puede aumentar el riesgo de una infección en la columna. Su respuesta es privada.",
  },
  immunosuppressed: {
    text: "¿Tiene las defensas bajas o toma algún medicamento que las baja?",
    help: "Por ejemplo, medicinas para el cáncer, medicinas tras un trasplante, o VIH.",
  },
  recentSpinalProcedure: {
    text: "¿Le han puesto una inyección en la columna o le han operado la espalda en los últimos meses?",
    help: "Cuenta una inyección en un disco o en una articulación de la columna, un bloqueo de un nervio o cualquier operación de espalda.",
  },
  cancerHistory: {
    text: "¿Ha tenido cáncer alguna vez?",
    help: "Diga que sí aunque fuera hace mucho o ya esté tratado.",
  },
  unexplainedWeightLoss: {
    text: "¿Ha bajado de peso sin querer?",
    help: "Por ejemplo, la ropa le queda más suelta que hace unos meses y no estaba a dieta.",
  },
  nightPainAtRest: {
    text: "¿Le duele mucho de noche o cuando descansa, incluso acostado?",
    help: "Diga que sí si estar acostado no lo alivia.",
  },
  thoracicPain: {
    text: "¿Tiene dolor en la parte media o alta de la espalda?",
    help: "Es la parte entre los omóplatos o justo debajo de ellos.",
  },
  worseningPainDespiteTreatment: {
    text: "¿El dolor va a peor, aunque lo esté tratando?",
    help: "Por ejemplo, empeora sin parar, o no ha mejorado nada tras un mes de tratamiento.",
  },
  significantTrauma: {
    text: "¿Empezó el dolor tras un golpe fuerte, como un choque de coche o una caída desde lo alto?",
    help: "Diga que sí si el dolor empezó en ese momento o poco después.",
  },
  minorTraumaOrLifting: {
    text: "¿Empezó el dolor tras una caída leve, un mal gesto o al levantar algo?",
    help: "Por ejemplo, un tropiezo, un resbalón o al cargar una bolsa pesada.",
  },
  osteoporosis: {
    text: "¿Le han dicho que tiene los huesos finos o débiles?",
    help: "Los médicos lo llaman osteoporosis.",
  },
  longTermSteroids: {
    text: "¿Ha tomado pastillas o inyecciones de corticoides durante meses?",
    help: "Por ejemplo, prednisona. No cuentan los inhaladores ni las cremas.",
  },
  morningStiffnessOver30Min: {
    text: "¿Tiene la espalda rígida más de 30 minutos después de levantarse?",
    help: "Piense en la mayoría de las mañanas de las últimas semanas.",
  },
  improvesWithExercise: {
    text: "¿Se le alivia la espalda al moverse, pero no al descansar?",
    help: "Diga que sí si moverse le ayuda y descansar no.",
  },
  pulsatileAbdominalMass: {
    text: "¿Nota un bulto en la barriga que late como el pulso?",
    help: "Diga que sí si nota un bulto que late cuando se aprieta la barriga.",
  },
};

const safetyNetEs =
  `Vaya a urgencias o llame al ${EMERGENCY_NUMBER} de inmediato si no puede orinar o pierde el control al hacer ` +
  "caca. Haga lo mismo si se le duerme la piel entre las piernas o se le debilitan las piernas.";

export const patientAdviceEs: Readonly<Record<AdviceKind, PatientAdvice>> = {
  emergency: {
    kind: "emergency",
    tier: "emergency",
    title: "Busque ayuda ahora",
    whatToDo:
      `Vaya a urgencias ahora o llame al ${EMERGENCY_NUMBER}. No espere a su próxima cita. Si tiene dudas, ` +
      "vaya de todos modos. Su clínica también recibirá aviso, pero no espere a que le llamen.",
    why:
      "Sus respuestas muestran señales de un problema que puede necesitar atención hoy. Puede ser presión " +
      "en los nervios de la parte baja de la columna, una infección o un problema en un vaso grande. " +
      "Algunos pueden dejar daños para siempre, como perder el control de la vejiga o de las piernas, si no " +
      "se tratan rápido.",
    safetyNet: safetyNetEs,
  },
  "call-now": {
    kind: "call-now",
    tier: "urgent",
    title: "Llame a su clínica ahora",
    whatToDo:
      "Llame a su clínica ahora y dígales en qué preguntas tenía dudas. Un médico tiene que hablar con usted " +
      `hoy. Si tiene una de estas señales, no espere: vaya a urgencias ahora o llame al ${EMERGENCY_NUMBER}.`,
    why:
      "Tenía dudas sobre una señal que puede necesitar atención el mismo día. Casi siempre no es nada " +
      "grave. Pero solo un médico lo puede saber, así que hay que hablarlo hoy.",
    safetyNet: safetyNetEs,
  },
  today: {
    kind: "today",
    tier: "urgent",
    title: "Un médico tiene que hablar con usted hoy",
    whatToDo:
      `Su clínica le llamará hoy. Si en ${SAME_DAY_HOURS} horas no sabe nada, llame usted. No reserve ningún ` +
      `procedimiento hasta hablar con ellos. Si se encuentra muy mal, vaya a urgencias o llame al ${EMERGENCY_NUMBER}.`,
    why:
      "La fiebre con dolor de espalda puede ser señal de una infección cerca de la columna. Casi siempre " +
      "resulta ser otra cosa. Pero hay que mirarlo hoy.",
    safetyNet: safetyNetEs,
  },
  urgent: {
    kind: "urgent",
    tier: "urgent",
    title: "Un médico debe ver sus respuestas hoy",
    whatToDo:
      "Un médico verá sus respuestas en un día y se pondrá en contacto con usted. Si mañana aún no sabe " +
      "nada de su clínica, llame. No reserve ningún procedimiento hasta hablar con ellos.",
    why:
      "Algunas respuestas pueden ser señal de un problema que necesita pruebas pronto, como una infección, " +
      "un hueso roto o un cáncer. Casi siempre resulta ser otra cosa. Pero hay que comprobarlo antes de nada.",
    safetyNet: safetyNetEs,
  },
  soon: {
    kind: "soon",
    tier: "soon",
    title: "Un médico verá primero sus respuestas",
    whatToDo:
      "No es una urgencia. Un médico verá sus respuestas antes de que elija un tratamiento. Puede seguir " +
      "con su vida normal.",
    why:
      "Algunas respuestas indican que el dolor puede tener una causa con su propio tratamiento, como un tipo " +
      "de artritis. Un médico le dirá si necesita pruebas.",
    safetyNet: safetyNetEs,
  },
  none: {
    kind: "none",
    tier: "none",
    title: "Ninguna señal de alarma",
    whatToDo:
      "Ahora responderá unas preguntas sobre cómo le afecta el dolor de espalda. Después podrá ver sus " +
      "opciones de tratamiento.",
    why: "Sus respuestas no muestran ninguna de las señales de alarma por las que preguntamos.",
    safetyNet: safetyNetEs,
  },
};
