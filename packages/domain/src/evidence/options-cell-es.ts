/**
 * The orthobiologic options (options-cell.ts) in Spanish, usted form, list for list with the
 * English. As in English, every card says the treatment is experimental and not approved by the
 * FDA for back pain, and shows what happened after a fake (sham) shot; nothing here may say or
 * imply that these shots work (readability/patient-texts-es.test.ts checks for such claims).
 */
import type { DecisionOptionWords, OutOf100Words } from "./types";

const ENSAYO_MEDULA =
  "Adultos con dolor lumbar de larga duración que parecía venir de un disco, en un ensayo de 63 personas";

export const shamResponseLevi2025Es: OutOf100Words = {
  peopleLike: `${ENSAYO_MEDULA}. A 18 de ellas les pusieron una inyección falsa de agua con sal en el músculo de la espalda`,
  timeFrame: "a los 3, 6 y 12 meses",
  outcome: "vieron bajar su dolor a la mitad o más tras una inyección falsa (simulada), sin células",
  rows: ["Inyección falsa, 3 meses", "Inyección falsa, 6 meses", "Inyección falsa, 12 meses"],
  note: "Mucha gente se siente mejor tras cualquier inyección, o al pasar el tiempo. Un estudio necesita un grupo con una inyección falsa para saber si la de verdad añade algo.",
};

const NO_APROBADO =
  "Experimental: aún se está estudiando. No está aprobado por la FDA para el dolor de espalda.";
const EN_ESTUDIO = "Es experimental: aún se está estudiando. No sabemos si ayuda con el dolor de espalda.";
const BROTE = "Tras una inyección en la espalda, el dolor suele aumentar durante un tiempo.";
const AGUJA_DISCO = "Toda aguja que entra en un disco tiene un pequeño riesgo de infección.";
const PRECIO =
  "Pida el precio total por escrito antes de decidir. El seguro no suele pagar los tratamientos experimentales.";
const RETRASO = "Cuesta tiempo y dinero, y puede retrasar cuidados que sabemos que ayudan.";

export const cellOptionsEs: Readonly<Record<string, DecisionOptionWords>> = {
  "bone-marrow-concentrate": {
    name: "Inyección de médula ósea (concentrado de médula ósea)",
    whatItIs: `Un médico le saca médula del hueso de la cadera con una aguja. La centrifuga para juntar las células y la inyecta en un disco el mismo día. ${EN_ESTUDIO}`,
    whatItIsLike:
      "En una sola visita tiene dos pasos con aguja: uno en el hueso de la cadera y otro en la espalda, con anestesia. La espalda le puede doler más durante un tiempo, y la cadera también.",
    benefits: [
      "Algunas personas tienen menos dolor en los meses tras la inyección.",
      "Usa sus propias células, así que no hace falta un donante.",
    ],
    harms: [
      "Solo un ensayo la comparó con una inyección falsa. En él, a la gente no le fue mejor que a quienes tuvieron la inyección falsa.",
      `${BROTE} ${AGUJA_DISCO}`,
      RETRASO,
    ],
    outOf100: [
      {
        peopleLike: ENSAYO_MEDULA,
        timeFrame: "a los 12 meses",
        outcome: "vieron bajar su dolor a la mitad o más",
        rows: ["Inyección de médula ósea", "Inyección falsa"],
        note: "La diferencia puede ser por azar. A los 3 y a los 6 meses, los dos grupos también estaban casi igual. La inyección falsa era agua con sal en el músculo de la espalda, no en el disco.",
      },
    ],
    averages: [],
    otherNumbers: [],
    shamResponse: shamResponseLevi2025Es,
    certaintyNote:
      "Nuestra nota: muy baja. Un ensayo la comparó con una inyección falsa y no vio diferencia. Otros estudios no tenían un grupo con el que comparar.",
    timeToEffect: "No se sabe. Los estudios miran los resultados de 3 a 24 meses después de la inyección.",
    visits: "Una visita para sacar la médula y ponerle la inyección, y luego citas de control.",
    cost: PRECIO,
    regulatoryStatus: `${NO_APROBADO} En Estados Unidos, usar su propia médula el mismo día está en una zona gris de la ley.`,
  },
  "adipose-derived-cells": {
    name: "Inyección de células de grasa (células sacadas de la grasa)",
    whatItIs: `Un médico le saca algo de grasa, a menudo de la barriga, y la trata para sacar células. Las células se inyectan en la espalda. ${EN_ESTUDIO}`,
    whatItIsLike:
      "Le sacan la grasa con un tubo fino y le ponen una inyección en la espalda, a menudo el mismo día. Las dos zonas pueden quedar con dolor y moretones un tiempo.",
    benefits: [
      "En unos pocos estudios muy pequeños y tempranos, algunas personas tuvieron menos dolor.",
      "Usa sus propias células, así que no hace falta un donante.",
    ],
    harms: [
      "Ninguno de esos estudios tenía un grupo con el que comparar, así que no sabemos si la inyección ayudó.",
      `Sacar grasa puede causar dolor, moretones e infección. ${BROTE}`,
      "La FDA ha avisado de daños graves, como infecciones y ceguera, por productos de células madre sin permiso usados en otras partes del cuerpo.",
    ],
    outOf100: [],
    noNumbers:
      "Los únicos estudios tenían unas 10 personas cada uno y ningún grupo con el que comparar. Por eso no podemos dar un número justo de cada 100.",
    averages: [],
    otherNumbers: [
      "En un juicio en Estados Unidos, una clínica cobraba 8900 dólares por un tratamiento con células de grasa y 41\u00a0500 dólares por una serie de 12. El seguro no pagó.",
    ],
    shamResponse: shamResponseLevi2025Es,
    certaintyNote:
      "Nuestra nota: muy baja. Los únicos estudios eran muy pequeños y no tenían un grupo con el que comparar.",
    timeToEffect: "No se sabe.",
    visits: "Una visita para sacar la grasa y ponerle la inyección, y luego citas de control.",
    cost: "Muy alto. Una clínica de Estados Unidos cobró 8900 dólares por un tratamiento. Pida el precio total por escrito.",
    regulatoryStatus: `${NO_APROBADO} La FDA y dos tribunales de apelación de Estados Unidos ven las células sacadas de la grasa (llamadas SVF) como un fármaco. Para estudiarlo en personas hace falta permiso de la FDA.`,
  },
  "cultured-or-donor-cells": {
    name: "Células madre criadas en laboratorio o de donante",
    whatItIs: `Células que se crían en un laboratorio, a partir de su propia médula o de un donante, y luego se inyectan en un disco. ${EN_ESTUDIO}`,
    whatItIsLike:
      "Con sus propias células, primero le sacan médula y vuelve más tarde para la inyección. Las células de donante se ponen en una sola visita. En Estados Unidos hace falta permiso de la FDA, que se da para estudios.",
    benefits: [
      "En los ensayos, el dolor bajó de media un poco más que tras la inyección de comparación.",
      "Con células de donante no hace falta sacarle médula.",
    ],
    harms: [
      "El ensayo más grande, con 404 personas, no logró su objetivo principal.",
      `En los ensayos, más personas tuvieron efectos no deseados con el tratamiento que con la inyección de comparación. ${BROTE}`,
      "Aún no se conocen los riesgos a largo plazo de las células criadas en laboratorio.",
    ],
    outOf100: [],
    noNumbers:
      "Los ensayos dan cambios medios. No dicen cuántas personas mejoraron, así que no podemos dar un número de cada 100.",
    averages: [],
    otherNumbers: [],
    shamResponse: shamResponseLevi2025Es,
    certaintyNote:
      "Nuestra nota: muy baja para células de su propio cuerpo criadas en laboratorio, y baja para el producto de donante que se estudió en 2 ensayos. Mostramos la más baja.",
    timeToEffect: "No se sabe. Los estudios miran los resultados de 3 a 24 meses después de la inyección.",
    visits: "Una o dos visitas para las células y la inyección, y luego citas de control.",
    cost: `Nuestras fuentes no dan un precio. ${PRECIO}`,
    regulatoryStatus: `${NO_APROBADO} Hace falta permiso de la FDA para estudiarlo en personas. Un producto de donante tiene un trato especial de la FDA para que lo revisen antes. Eso no es una aprobación.`,
  },
  "platelet-rich-plasma": {
    name: "Inyección de plasma rico en plaquetas (PRP)",
    whatItIs: `Le sacan sangre del brazo y la centrifugan para juntar las plaquetas, la parte de la sangre que ayuda a cerrar las heridas. Ese líquido se inyecta en la espalda. ${EN_ESTUDIO}`,
    whatItIsLike:
      "Le sacan sangre y le ponen una inyección en una sola visita. La espalda le puede doler más durante un tiempo.",
    benefits: [
      "En un pequeño estudio de inyecciones en el disco, cerca de la mitad de las personas logró la meta del estudio a los 6 meses.",
      "Usa su propia sangre, así que no hace falta un donante.",
    ],
    harms: [
      "Ese estudio no tenía un grupo con el que comparar, así que no sabemos cuánto se debió a la inyección.",
      `${BROTE} ${AGUJA_DISCO}`,
      RETRASO,
    ],
    outOf100: [
      {
        peopleLike:
          "Adultos con dolor de espalda que parecía venir de un disco, en un estudio de 22 personas sin grupo con el que comparar. A 19 de ellas se las revisó a los 6 meses",
        timeFrame: "a los 6 meses",
        outcome: "vieron bajar su dolor a la mitad o más y mejorar un 30\u00a0% o más su vida diaria",
        rows: ["Inyección de PRP en el disco"],
        note: "Sin un grupo con el que comparar, no sabemos cuántos habrían mejorado de todos modos. Este estudio contó menos dolor y una vida diaria más fácil. El ensayo con inyección falsa de abajo solo contó el dolor, así que sus números no se pueden poner al lado de estos.",
      },
    ],
    averages: [],
    otherNumbers: [],
    shamResponse: shamResponseLevi2025Es,
    certaintyNote:
      "Nuestra nota: muy baja. Nuestras fuentes solo tienen estudios pequeños, sin un grupo con el que comparar.",
    timeToEffect: "No se sabe. Los estudios miran los resultados de 1 a 6 meses después de la inyección.",
    visits: "Una visita para sacarle sangre y ponerle la inyección, y luego citas de control.",
    cost: PRECIO,
    regulatoryStatus:
      "El PRP se hace con sangre, así que la FDA no lo trata como un producto de células. No está aprobado por la FDA para el dolor de espalda.",
  },
};
