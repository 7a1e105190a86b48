/**
 * The decision aid's framing texts (catalogue.ts) and the values questions (values.ts) in Spanish,
 * usted form, and the functions that give either in the patient's language. The version, dates,
 * value ids, scale and the option field each value bears on stay the English ones: a decision
 * saved in Spanish is rated on the same scale and stored under the same versions.
 */
import { decisionAidContent } from "./catalogue";
import type { ContentLanguage } from "./types";
import { type ValueDefinition, type ValueId, valuesClarification } from "./values";

type PatientContentKey = Exclude<keyof typeof decisionAidContent, "version" | "publishedOn" | "reviewBy">;

export const decisionAidContentEs: Readonly<Record<PatientContentKey, string>> = {
  condition:
    "El dolor de espalda que dura más de 3 meses es frecuente. A menudo cuesta encontrar una sola causa clara. En casi todos no es señal de un daño grave, y suele mejorar con el tiempo, aunque puede ir y venir.",
  decision:
    "Usted decide qué hacer ahora con su dolor de espalda, si quiere hacer algo. Puede esperar, o hacer ejercicio y otros cuidados sin agujas. También puede tomar medicinas, ponerse inyecciones u operarse. Y hay inyecciones de células, que son experimentales. No tiene que decidir hoy.",
  aboutTheNumbers:
    "Le damos números de cada 100 personas como usted, en el mismo plazo de tiempo cuando podemos. Si los estudios no dan esos números, lo decimos. También decimos lo seguros que están los expertos de los datos.",
  updatePolicy:
    "Revisamos los datos al menos una vez al año, y antes si sale un gran estudio nuevo o cambia la ley. Cada versión tiene un número y una fecha, y su historial muestra qué versión vio.",
  funding:
    "Esta guía se escribió para Evident, el programa que usa su clínica. Nadie que fabrique o venda un tratamiento de esta guía tomó parte al escribirla. Su clínica puede ofrecer algunos de estos tratamientos y cobrar por ellos. Puede preguntar cómo.",
};

export type AidContent = Readonly<Record<keyof typeof decisionAidContent, string>>;

/** The framing texts in `lang`, with the one version and set of dates. */
export function aidContent(lang: ContentLanguage): AidContent {
  return lang === "es" ? { ...decisionAidContent, ...decisionAidContentEs } : decisionAidContent;
}

export const valuesClarificationEs: {
  prompt: string;
  labels: readonly [string, string, string, string, string];
  values: Readonly<Record<ValueId, { statement: string; help: string }>>;
} = {
  prompt: "¿Cuánto le importa cada una de estas cosas?",
  labels: ["Nada", "Un poco", "Algo", "Mucho", "Muchísimo"],
  values: {
    "avoid-surgery": {
      statement: "No tener que operarme",
      help: "Algunas personas quieren evitar la cirugía si pueden. A otras no les importa operarse si les puede ayudar.",
    },
    "fast-relief": {
      statement: "Sentir alivio pronto",
      help: "Algunos cuidados hacen efecto en horas o días. Otros tardan semanas o meses, o no sabemos cuánto.",
    },
    "avoid-procedures": {
      statement: "No tener agujas ni inyecciones",
      help: "Algunos cuidados piden inyecciones en la espalda o una aguja en un hueso. Otros no piden ninguna.",
    },
    "low-cost": {
      statement: "Gastar poco",
      help: "Los precios cambian mucho. Algunos cuidados son baratos. Otros son caros y puede que el seguro no los pague.",
    },
    certainty: {
      statement: "Elegir un cuidado bien estudiado",
      help: "Con algunos cuidados, los expertos saben bastante bien qué esperar. Con otros hay pocos estudios, o son pequeños, así que nadie lo sabe.",
    },
  },
};

export type LocalizedValues = {
  version: string;
  prompt: string;
  scale: { min: number; max: number; labels: readonly string[] };
  values: readonly ValueDefinition[];
};

/** The values questions in `lang`: the same ids, order, scale and option fields. */
export function localizedValues(lang: ContentLanguage): LocalizedValues {
  if (lang === "en") return valuesClarification;
  const es = valuesClarificationEs;
  return {
    version: valuesClarification.version,
    prompt: es.prompt,
    scale: { ...valuesClarification.scale, labels: es.labels },
    values: valuesClarification.values.map((v) => ({ ...v, ...es.values[v.id] })),
  };
}
