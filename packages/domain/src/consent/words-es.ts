/**
 * The Spanish words of the consent documents (INFLESZ ≥ 55, held by
 * readability/patient-texts-es.test.ts): the same sections, sources and certainty as the English
 * (words-en.ts), written in plain Spanish, with short sentences.
 */
import type { InvestigationalWords } from "./words-en";

const NO_APROBADO =
  "Este tratamiento no está aprobado por la FDA para el dolor de espalda. La FDA es la agencia de EE. UU. que revisa si los productos médicos son seguros y si sirven. Aún se estudia, así que es experimental.";

const DOLOR =
  "La espalda puede doler más por un tiempo tras la inyección. Toda aguja en la espalda puede causar sangrado o infección.";

export const kindWordsEs: InvestigationalWords = {
  bone_marrow_concentrate: {
    name: "inyección de médula ósea",
    whatItIs:
      "Un médico saca médula del hueso de la cadera con una aguja. La médula se centrifuga para juntar sus células. Luego las células se ponen en su espalda el mismo día.",
    regulatory: {
      text: `${NO_APROBADO} El uso de su propia médula el mismo día está en una zona gris de la ley en EE. UU.`,
      sources: ["fdaConsumer2021", "cfr1271_15b"],
    },
    evidence: {
      text: "Un ensayo comparó esta inyección con una falsa, de agua con sal. Tuvo 63 personas. A los 3, 6 y 12 meses, a quienes les pusieron médula no les fue mejor que a quienes les pusieron la falsa. Otros estudios no tenían un grupo para comparar. Por eso no dicen si la inyección ayudó.",
      sources: ["levi2025", "pettine2016"],
      certainty: "very low",
    },
    harms: `La cadera puede doler donde se sacó la médula. ${DOLOR} Cuesta tiempo y dinero, y puede retrasar un cuidado que sí se sabe que ayuda.`,
  },
  adipose_derived_cells: {
    name: "inyección de células de grasa",
    whatItIs:
      "Un médico saca algo de grasa, a menudo de la barriga, con un tubo fino. La grasa se trata para sacar células. Luego las células se ponen en su espalda.",
    regulatory: {
      text: `${NO_APROBADO} La FDA y dos tribunales de EE. UU. tratan las células sacadas de la grasa como un fármaco. Un fármaco así necesita el permiso de la FDA para probarse en personas.`,
      sources: ["fdaConsumer2021", "usStemCellClinic2021"],
    },
    evidence: {
      text: "Los únicos estudios fueron muy pequeños, de unas 10 personas cada uno. Ninguno tenía un grupo para comparar. Así que no se sabe si la inyección ayudó a alguien.",
      sources: ["kumar2017"],
      certainty: "very low",
    },
    harms: `Sacar grasa puede causar dolor, moretones e infección. ${DOLOR} La FDA ha avisado de daños graves, como infección y ceguera, por productos de células madre no aprobados.`,
  },
  cultured_or_donor_cells: {
    name: "inyección de células de laboratorio o de donante",
    whatItIs:
      "Se crían células en un laboratorio, de su propia médula o de un donante. Luego las células se ponen en un disco de su espalda.",
    regulatory: {
      text: `${NO_APROBADO} En EE. UU., las células criadas en un laboratorio necesitan el permiso de la FDA para darse a personas. Ese permiso se da para estudios.`,
      sources: ["fdaConsumer2021", "cfr1271_10a", "fdaHctpGuidance2017"],
    },
    evidence: {
      text: "En los ensayos, el dolor bajó un poco más de media que tras la inyección de control. Pero el ensayo más grande, de 404 personas, no logró su meta principal. Más personas tuvieron efectos no deseados con las células que con la otra inyección.",
      sources: ["mesoblastDr003", "xie2021"],
      certainty: "very low",
    },
    harms: `${DOLOR} No se sabe qué riesgos tienen a largo plazo las células de laboratorio.`,
  },
  platelet_rich_plasma: {
    name: "inyección de PRP (plasma rico en plaquetas)",
    whatItIs:
      "Se saca sangre de su brazo. Se centrifuga para juntar las plaquetas, la parte de la sangre que ayuda a que coagule. Luego el líquido se pone en su espalda.",
    regulatory: {
      text: "El PRP se hace con su sangre y una máquina junto a la cama. Por eso la FDA no lo trata como un producto de células. Eso no quiere decir que la FDA haya visto que sirve. Las inyecciones de PRP no están aprobadas por la FDA para el dolor de espalda. Aún se estudia, así que es experimental.",
      sources: ["cfr1271_3d", "fdaConsumer2021"],
    },
    evidence: {
      text: "En un estudio pequeño de 22 personas, cerca de la mitad logró la meta del estudio a los 6 meses. El estudio no tenía un grupo para comparar. Así que no se sabe cuántos habrían mejorado igual.",
      sources: ["levi2016", "navani2019"],
      certainty: "very low",
    },
    harms: `${DOLOR} Cuesta tiempo y dinero, y puede retrasar un cuidado que sí se sabe que ayuda.`,
  },
};

export const shamEs = {
  heading: "Mucha gente mejora tras cualquier inyección",
  text: "En el ensayo con una inyección falsa, a 10 de las 18 personas que la tuvieron el dolor les bajó a la mitad a los 12 meses. El dolor a menudo baja con el tiempo, o tras cualquier inyección. Un estudio necesita un grupo con inyección falsa para ver si la real añade algo.",
};

export const wordsEs = {
  certainty: { high: "alta", moderate: "moderada", low: "baja", "very low": "muy baja" },
  certaintyLabel: "Qué tan seguros estamos",
  sourcesLabel: "Fuentes",
  procedure: {
    title: (name: string) => `Consentimiento para una ${name}`,
    aboutHeading: "De qué trata este papel",
    about: (clinic: string, name: string) =>
      `Este papel trata de una ${name} en ${clinic}. Léalo todo antes de decidir. Pregúntenos por lo que no entienda.`,
    whatHeading: "Qué es el tratamiento",
    regulatoryHeading: "No está aprobado para el dolor de espalda",
    evidenceHeading: "Qué dicen los estudios",
    harmsHeading: "Posibles daños",
    priceHeading: "Cuánto cuesta",
    price: (clinic: string, price: string) =>
      `En ${clinic} este tratamiento cuesta ${price}. El seguro a menudo no paga un cuidado experimental. Pídanos el precio total por escrito.`,
    choiceHeading: "Usted decide",
    choice:
      "Puede decir que no. Puede elegir otro cuidado, como ejercicio o medicinas. Decir que no no cambia el resto de su cuidado aquí. Puede cambiar de idea en todo momento antes de la inyección.",
    confirmation: (name: string) =>
      `He leído este papel. Sé que la ${name} es experimental y que no está aprobada por la FDA para el dolor de espalda. Sé que no se sabe si ayuda. Elijo hacérmela.`,
  },
  research: {
    title: "Consentimiento para el registro y la investigación",
    whatHeading: "Qué es el registro",
    what: (clinic: string) =>
      `${clinic} anota cómo les va a los pacientes tras cada tipo de cuidado. Ahí van sus respuestas, sus tratamientos y los problemas que tenga. Nos ayuda a saber qué cuidado sirve, y a quién.`,
    poolHeading: "Qué sale de la clínica",
    pool: "Los investigadores ven resultados de muchas clínicas juntas. Nunca ven su nombre, su dirección ni sus fechas. Ningún dato que ven sale de menos de 11 personas.",
    withdrawHeading: "Puede parar cuando quiera",
    withdraw:
      "Puede retirar este consentimiento cuando quiera en este portal. Desde ese día, sus datos no se usan en los resultados juntos ni en los archivos de investigación. Su cuidado aquí sigue igual, y su historia queda. Los archivos que ya se hicieron no se pueden recuperar.",
    confirmation:
      "He leído este papel. Acepto que mis datos, sin mi nombre, se usen en el registro y en la investigación.",
  },
  story: {
    title: "Consentimiento para contar su historia",
    whatHeading: "Qué contaríamos",
    what: (clinic: string) =>
      `${clinic} quiere contar su historia a otros pacientes. Le quitaríamos su nombre y todo lo que lleve a usted. Un médico la revisa antes de mostrarla.`,
    howHeading: "Cómo se muestra",
    how: "Su historia se muestra con sus propios resultados, buenos o malos. Se marca como la historia de una persona, no como una prueba de que un tratamiento sirve.",
    withdrawHeading: "Puede parar cuando quiera",
    withdraw:
      "Puede retirar este consentimiento cuando quiera en este portal. Su historia se quita enseguida.",
    confirmation: "He leído este papel. Acepto que se cuente mi historia sin mi nombre.",
  },
} as const;
