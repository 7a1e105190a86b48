/**
 * The options with medicines, injections or surgery (options-procedures.ts) in Spanish, usted
 * form, key for key and list for list with the English; numbers, ratings and sources stay in the
 * English options (see options-conservative-es.ts). Decimals keep the point, as the English does
 * and as the Real Academia Española accepts, so a figure reads the same in both.
 */
import type { DecisionOptionWords } from "./types";

const SIN_NOTA = "Sin nota: nuestras fuentes no dicen lo seguros que son los datos.";
const RIESGOS_CIRUGIA =
  "Toda operación tiene riesgos, como una infección, un sangrado, coágulos de sangre o daño a un nervio.";
const GUIAS_EEUU = "las guías de los médicos de Estados Unidos";

export const procedureOptionsEs: Readonly<Record<string, DecisionOptionWords>> = {
  nsaids: {
    name: "Pastillas antiinflamatorias para el dolor (AINE)",
    whatItIs:
      "Pastillas para el dolor como el ibuprofeno o el naproxeno. Algunas se compran en la tienda. Otras necesitan receta.",
    whatItIsLike:
      "Toma las pastillas cuando las necesita, en la dosis más baja que le ayude y durante el menor tiempo que pueda.",
    benefits: [
      "Calman un poco el dolor.",
      "Empiezan a hacer efecto en unas horas.",
      "Las guías de los médicos de Estados Unidos las ponen primero entre las medicinas, si el cuidado sin pastillas no basta.",
    ],
    harms: [
      "Pueden dañar el estómago, los riñones, el corazón y los vasos de la sangre.",
      "Por eso las guías dicen que se tome la dosis más baja durante el menor tiempo.",
      "No son seguras para todos. Pregunte antes si tiene problemas de estómago, de riñón o de corazón.",
    ],
    outOf100: [],
    noNumbers: "Los estudios dan el cambio medio del dolor. No dicen cuántas personas mejoraron.",
    averages: [],
    otherNumbers: [],
    certaintyNote: `Moderada, según ${GUIAS_EEUU} para el dolor de espalda que dura mucho.`,
    timeToEffect: "De horas a días.",
    visits: "No hacen falta más visitas, pero vea a su médico si las necesita mucho tiempo.",
    cost: "Bajo.",
    regulatoryStatus: "Medicinas para el dolor con permiso de venta. Siga la etiqueta o su receta.",
  },
  opioids: {
    name: "Pastillas opioides para el dolor",
    whatItIs: "Pastillas fuertes para el dolor, como la oxicodona o la morfina. Necesitan receta.",
    whatItIsLike:
      "Toma las pastillas a horas fijas. Mucha gente tiene sueño o estreñimiento. Su médico le tiene que ver a menudo.",
    benefits: [
      "Pueden calmar un poco el dolor al principio.",
      "Las guías de los médicos de Estados Unidos solo las permiten si otros cuidados no han servido, y tras hablar de los riesgos.",
    ],
    harms: [
      "Un ensayo de un año estudió a personas con dolor de espalda de larga duración, o con dolor de cadera o de rodilla por artrosis. Con opioides, la vida diaria no fue mejor que con otras pastillas. El dolor fue algo peor, y hubo más efectos no deseados.",
      "Tienen riesgo de necesitar cada vez más, de adicción, de sobredosis y de muerte. Las guías del Reino Unido y de la OMS aconsejan no usarlas para el dolor de espalda de larga duración.",
    ],
    outOf100: [],
    noNumbers: "El ensayo da puntos medios. No dice cuántas personas mejoraron.",
    averages: [
      {
        peopleLike:
          "Adultos con dolor de espalda de larga duración, o con dolor de cadera o de rodilla por artrosis, en un ensayo de 240 personas",
        timeFrame: "a los 12 meses",
        measure: "cuánto le quitaba el dolor a la vida diaria, en una escala de 0 a 10",
        rows: ["Pastillas opioides", "Otras pastillas para el dolor"],
        summary: "La nota fue 3.4 con opioides y 3.3 con otras pastillas para el dolor: casi igual.",
        note: "El dolor en sí fue algo peor con opioides, 4.0 frente a 3.5 en una escala de 0 a 10, y hubo más efectos no deseados.",
      },
    ],
    otherNumbers: [],
    certaintyNote: `Moderada, según ${GUIAS_EEUU}, con un gran ensayo en dolor de espalda, de cadera y de rodilla.`,
    timeToEffect: "Horas.",
    visits: "Citas de control cada cierto tiempo mientras las toma.",
    cost: "De bajo a medio.",
    regulatoryStatus: "Medicinas para el dolor con permiso de venta, con reglas estrictas para recetarlas.",
  },
  "epidural-steroid-injection": {
    name: "Inyección de esteroides cerca de los nervios de la columna (epidural)",
    suitableFor: "Dolor de pierna por un nervio pinzado en la espalda (ciática), no solo dolor de espalda.",
    whatItIs:
      "Una inyección de esteroide y de anestesia en el espacio que rodea los nervios de la columna. Es para el dolor de pierna por un nervio pinzado.",
    whatItIsLike:
      "Un médico le pone la inyección y guía la aguja con rayos X. Es una visita corta y vuelve a casa el mismo día.",
    benefits: [
      "El dolor de pierna puede bajar un poco durante poco tiempo, de unos días hasta unos 3 meses.",
      "En una revisión de 30 ensayos, menos personas se operaron a corto plazo.",
    ],
    harms: [
      "De media, el alivio fue pequeño, menos de lo que casi todos notarían.",
      "No se vio un efecto que dure, ni efecto cuando el canal de la columna es estrecho (estenosis).",
      "Los daños graves son raros, pero la inyección puede doler donde entra la aguja.",
    ],
    outOf100: [],
    noNumbers: "La revisión da el cambio medio del dolor. No dice cuántas personas mejoraron.",
    averages: [
      {
        peopleLike: "Adultos con dolor de pierna por un nervio pinzado, en 30 ensayos",
        timeFrame: "poco después de la inyección",
        measure: "el dolor, en una escala de 0 a 100",
        rows: ["Inyección de esteroides", "Inyección falsa"],
        summary:
          "El dolor fue unos 8 puntos más bajo con la inyección de esteroides que con una falsa; lo más probable, entre 4 y 11 puntos.",
        note: "Es menos de lo que casi todos notarían, y más adelante no hubo diferencia.",
      },
    ],
    otherNumbers: [],
    certaintyNote:
      "Baja para las tareas del día y para tener menos operaciones. Moderada para el alivio del dolor, pequeño y corto. Así lo dijo una revisión de los ensayos para los médicos de Estados Unidos. Mostramos la más baja.",
    timeToEffect: "Días. Si hay alivio, dura hasta unos 3 meses.",
    visits: "Una visita corta por cada inyección. Algunas personas reciben más de una.",
    cost: "Medio. Pregunte en su clínica y a su seguro.",
    regulatoryStatus: "Un procedimiento de uso normal en las clínicas del dolor.",
  },
  "radiofrequency-denervation": {
    name: "Tratar los nervios con calor (radiofrecuencia)",
    suitableFor:
      "Dolor de las pequeñas articulaciones de la parte de atrás de la columna, cuando una inyección de prueba ha ayudado.",
    whatItIs:
      "Una aguja da calor para que unos nervios pequeños dejen de mandar señales de dolor desde las articulaciones de atrás de la columna. Antes le ponen inyecciones de prueba para ver si esos nervios son la causa.",
    whatItIsLike:
      "Se tumba boca abajo y un médico guía una aguja con rayos X. Vuelve a casa el mismo día. Las inyecciones de prueba se las ponen en una visita anterior.",
    benefits: [
      "La guía del Reino Unido dice que se puede intentar si otros cuidados no han servido y una inyección de prueba ha ayudado.",
      "Es una visita corta, y vuelve a casa el mismo día.",
    ],
    harms: [
      "En 3 ensayos con 681 personas, añadirlo a un plan de ejercicio no calmó el dolor lo bastante como para notarlo.",
      "No es para todos: primero necesita inyecciones de prueba, y solo algunas personas cumplen los requisitos.",
      "Le puede doler donde entró la aguja.",
    ],
    outOf100: [],
    noNumbers: "Los ensayos dan la media del dolor. No dicen cuántas personas mejoraron.",
    averages: [
      {
        peopleLike:
          "Adultos con dolor lumbar de larga duración a quienes les ayudaron las inyecciones de prueba, en 3 ensayos de 681 personas",
        timeFrame: "a los 3 meses",
        measure: "el dolor de espalda, en una escala de 0 a 10",
        rows: ["Calor en los nervios y ejercicio", "Solo el plan de ejercicio"],
        summary:
          "Añadir el calor en los nervios al plan de ejercicio no cambió nada, o menos de los 2 puntos que los ensayos fijaron como lo mínimo que importa.",
        note: "Todos hicieron el plan de ejercicio. La gente sabía qué cuidado tenía.",
      },
    ],
    otherNumbers: [],
    certaintyNote:
      "De muy baja a moderada, según lo que se midió, en una gran revisión de 23 ensayos. Mostramos la más baja. Tres ensayos más grandes, hechos después, no vieron una diferencia que importe.",
    timeToEffect: "Nuestras fuentes no dicen lo rápido que funciona.",
    visits: "Al menos 2 visitas: las inyecciones de prueba y luego el tratamiento.",
    cost: "De medio a alto. Pregunte en su clínica y a su seguro.",
    regulatoryStatus: "Un procedimiento de uso normal en las clínicas del dolor.",
  },
  discectomy: {
    name: "Cirugía para quitar presión de un nervio (discectomía)",
    suitableFor: "Dolor de pierna por una hernia de disco que aprieta un nervio (ciática).",
    whatItIs: "Una operación para quitar la parte de la hernia de disco que aprieta un nervio.",
    whatItIsLike: "Le operan. Luego pasan unas semanas hasta que vuelve a sus tareas de siempre.",
    benefits: [
      "El dolor de pierna baja más rápido que con cuidados sin cirugía.",
      "Mucha gente se siente mejor en unas semanas.",
    ],
    harms: [
      "Al cabo de 1 a 2 años, a quienes se operaron pronto les fue casi igual que a quienes empezaron por otros cuidados.",
      RIESGOS_CIRUGIA,
    ],
    outOf100: [
      {
        peopleLike: "Adultos con mucho dolor de pierna por una hernia de disco, en un ensayo de 283 personas",
        timeFrame: "al cabo de 1 año",
        outcome: "sintieron que se habían recuperado",
        rows: ["Cirugía pronto", "Primero, cuidados sin cirugía"],
        note: "Con la cirugía, la gente mejoró antes. Pero al cabo de 1 año los dos grupos estaban casi igual.",
      },
      {
        peopleLike: "El mismo ensayo",
        timeFrame: "en el plazo de 1 año",
        outcome: "se operaron del disco",
        rows: ["Cirugía pronto", "Primero, cuidados sin cirugía"],
        note: "Empezar por otros cuidados no le impide operarse más tarde. A los 2 años, 62 de las 142 personas que empezaron por otros cuidados se habían operado.",
      },
    ],
    averages: [],
    otherNumbers: [],
    certaintyNote: `${SIN_NOTA} Los números vienen de un ensayo de 283 personas, que sabían qué cuidado tenían.`,
    timeToEffect: "El dolor de pierna suele bajar en unas semanas.",
    visits: "La operación y citas de control después.",
    cost: "Alto. Pregunte a su cirujano y a su seguro.",
    regulatoryStatus: "Una operación de uso normal.",
  },
  fusion: {
    name: "Cirugía de fusión de la columna",
    whatItIs: "Una operación que une dos o más huesos de la columna para que ya no se muevan entre sí.",
    whatItIsLike: "Una operación grande, con unos días en el hospital. Recuperarse lleva meses.",
    benefits: [
      "Algunas personas tienen menos dolor y pueden hacer más cosas tras la fusión.",
      "Pero en los ensayos, a la gente le fue solo un poco mejor, o igual, que a quienes hicieron un plan duro de ejercicio y rehabilitación.",
    ],
    harms: [
      RIESGOS_CIRUGIA,
      "En dos ensayos, cerca de 1 de cada 3 personas con fusión necesitó otra operación.",
      "Las normas del Reino Unido dicen que no se ofrezca solo por dolor de espalda, salvo en un estudio.",
    ],
    outOf100: [
      {
        peopleLike:
          "Adultos con dolor de espalda de larga duración, en dos ensayos que siguieron a la gente unos 9 años",
        timeFrame: "en unos 9 años",
        outcome: "se operaron otra vez de la espalda",
        rows: ["Fusión: otra operación", "Ejercicio y rehabilitación: al final se operaron"],
        note: "Son cifras aproximadas: los ensayos dicen que fue cerca de un tercio en cada grupo.",
      },
    ],
    averages: [
      {
        peopleLike:
          "Adultos con dolor de espalda desde hacía al menos un año, en un ensayo del Reino Unido de 349 personas",
        timeFrame: "a los 2 años",
        measure: "cuánto limita el dolor de espalda la vida diaria, en una escala de 0 a 100",
        rows: ["Fusión", "Plan intenso de rehabilitación"],
        summary:
          "Los puntos bajaron de 46.5 a 34.0 tras la fusión, y de 44.8 a 36.1 tras la rehabilitación. Teniendo en cuenta el punto de partida, la fusión fue unos 4 puntos mejor; lo más probable, entre 0.1 y 8.1.",
        note: "Casi todos notan un cambio de 10 puntos o más. Una prueba de caminar no mostró diferencia.",
      },
    ],
    otherNumbers: [],
    certaintyNote: `${SIN_NOTA} Los números vienen de tres ensayos en los que la gente sabía qué cuidado tenía. Las normas del Reino Unido los estudiaron y dicen que no se ofrezca la fusión solo por dolor de espalda, salvo en un estudio.`,
    timeToEffect: "Recuperarse lleva meses.",
    visits: "La operación, unos días en el hospital y muchas citas de control después.",
    cost: "Muy alto. Pregunte a su cirujano y a su seguro.",
    regulatoryStatus: "Una operación de uso normal.",
  },
};
