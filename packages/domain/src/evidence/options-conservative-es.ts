/**
 * The options without needles or surgery (options-conservative.ts) in Spanish, usted form, key for
 * key and list for list with the English. Only what the patient reads is here: the numbers,
 * ratings and sources stay in the English options, and every number in a text is the English
 * text's number (options-es.test.ts). Each block is held to INFLESZ ≥ 55
 * (readability/patient-texts-es.test.ts).
 */
import type { DecisionOptionWords } from "./types";

const SOLO_MEDIAS =
  "Los estudios de este cuidado dan cambios medios en el dolor, no cuántas personas mejoraron. Por eso no podemos dar un número justo de cada 100.";

const NO_ES_UN_PRODUCTO =
  "No aplica. Es un tipo de cuidado, no un producto que necesite permiso para venderse.";

const GUIAS_EEUU = "las guías de los médicos de Estados Unidos";

export const conservativeOptionsEs: Readonly<Record<string, DecisionOptionWords>> = {
  "natural-course": {
    name: "Esperar y cuidarse en casa",
    whatItIs:
      "Se mantiene todo lo activo que pueda, usa formas sencillas de calmar el dolor y le da tiempo a su espalda. No empieza ahora un tratamiento nuevo. Puede cambiar de idea cuando quiera.",
    whatItIsLike:
      "Sigue con su vida diaria todo lo que pueda. Unos días son peores que otros. En mucha gente, el dolor baja más en las primeras semanas, y luego más despacio.",
    benefits: [
      "No hay efectos no deseados de un tratamiento.",
      "No hay gastos de tratamiento ni más citas.",
      "El dolor de espalda suele calmarse con el tiempo, aunque ya dure meses.",
    ],
    harms: [
      "El dolor puede durar más que con algunos tipos de cuidado.",
      "Mucha gente con dolor de larga duración aún tiene algo de dolor un año después.",
      "Puede perderse una ayuda que le haría más fácil la vida diaria.",
    ],
    outOf100: [],
    noNumbers:
      "Los estudios que siguieron a la gente en el tiempo dan la media del dolor, no cuántas personas mejoraron. No tenían un grupo con el que comparar. Por eso le damos la media.",
    averages: [],
    otherNumbers: [
      "Una revisión juntó 33 grupos de personas, 11\u00a0166 en total, a las que se siguió en el tiempo. Unas tenían dolor de espalda nuevo. Otras tenían dolor desde hacía de 3 a 12 meses. En esos grupos, la media del dolor en una escala de 0 a 100 era 51 al principio. Era 33 a las 6 semanas, 26 a los 6 meses y 23 al año. Estos estudios no probaron un tratamiento y no tenían un grupo con el que comparar.",
    ],
    certaintyNote:
      "Sin nota: no es un tratamiento, así que las revisiones no le ponen nota como a uno. Los números vienen de una gran revisión de estudios que siguieron a la gente en el tiempo.",
    timeToEffect: "El dolor suele bajar más en las primeras 6 semanas, y luego más despacio.",
    visits: "No hace falta ninguna. Vea a su médico si algo cambia o va a peor.",
    cost: "El tratamiento no cuesta nada.",
    regulatoryStatus: NO_ES_UN_PRODUCTO,
  },
  "exercise-physiotherapy": {
    name: "Ejercicio y fisioterapia",
    whatItIs:
      "Un plan de ejercicios para que su espalda y su cuerpo estén más fuertes y se muevan mejor. Un fisioterapeuta puede hacer el plan con usted. Lo puede hacer solo, en casa o en grupo.",
    whatItIsLike:
      "Va a sesiones durante unas semanas y hace ejercicios en casa entre una y otra. Al principio le puede doler un poco la espalda. Casi todos pueden seguir con su trabajo y su familia.",
    benefits: [
      "Calma el dolor y ayuda con las tareas del día, de poco a algo más.",
      "Las guías lo ponen como primera opción para el dolor de espalda que dura mucho.",
      "Puede seguir haciendo lo que aprende.",
    ],
    harms: [
      "Algunas personas tienen durante poco tiempo algo más de dolor leve.",
      "Le pide tiempo y esfuerzo cada semana.",
      "Suele ayudar menos en las tareas del día que en el dolor.",
    ],
    outOf100: [],
    noNumbers: SOLO_MEDIAS,
    averages: [],
    otherNumbers: [
      "Una revisión para la guía de la OMS juntó 8 ensayos. Las personas con un plan de ejercicio tuvieron menos dolor, y menos problemas con las tareas del día, que las que no tenían un plan. La revisión solo da el tamaño como una medida estándar, y fue pequeño.",
    ],
    certaintyNote: `Moderada. Así lo dijo la revisión hecha para la guía de la OMS, y también ${GUIAS_EEUU}.`,
    timeToEffect: "Semanas. Casi todos los planes duran de 6 a 12 semanas.",
    visits: "Varias sesiones en 6 a 12 semanas, y ejercicio en casa.",
    cost: "De bajo a medio. Pregunte en su clínica y a su seguro.",
    regulatoryStatus: NO_ES_UN_PRODUCTO,
  },
  "pilates-yoga": {
    name: "Pilates, yoga o taichí",
    whatItIs:
      "Clases de ejercicio que unen movimientos lentos, equilibrio, respiración y control del cuerpo. Puede ir a una clase o seguir una guía en casa.",
    whatItIsLike:
      "Va a clases durante unas semanas y practica en casa. Al principio, algunos movimientos le pueden costar. Un profesor le puede enseñar una forma más fácil.",
    benefits: [
      "Puede calmar el dolor y ayudarle a hacer más cosas.",
      "Una gran revisión comparó tipos de ejercicio. El pilates fue lo que más calmó el dolor, pero los datos son débiles.",
      "Las clases pueden ser divertidas y una forma de conocer gente.",
    ],
    harms: [
      "Algunas personas tienen durante poco tiempo algo más de dolor leve, sobre todo al principio.",
      "Las clases cuestan dinero y tiempo cada semana.",
      "Estamos menos seguros de estos datos que de los del ejercicio en general.",
    ],
    outOf100: [],
    noNumbers: SOLO_MEDIAS,
    averages: [],
    otherNumbers: [],
    certaintyNote:
      "Baja para el yoga y el taichí (guías de los médicos de Estados Unidos). Muy baja para el pilates (la revisión hecha para la guía de la OMS).",
    timeToEffect: "Semanas.",
    visits: "Clases durante varias semanas, y práctica en casa.",
    cost: "De bajo a medio, por las clases.",
    regulatoryStatus: NO_ES_UN_PRODUCTO,
  },
  "psychological-programme": {
    name: "Programas para llevar mejor el dolor (TCC, atención plena)",
    whatItIs:
      "Sesiones que le enseñan formas de llevar mejor el dolor, de preocuparse menos y de volver a lo que le importa. Dos tipos son una terapia de hablar llamada TCC y la atención plena (mindfulness).",
    whatItIsLike:
      "Se ve con un terapeuta, solo o en grupo, durante unas semanas, y practica en casa lo que aprende. No quiere decir que el dolor esté solo en su cabeza.",
    benefits: [
      "Puede bajar el dolor, y lo mucho que le estorba, de poco a algo más.",
      "Va mejor como parte de un plan que también tenga ejercicio.",
      "Ayuda más cuando la preocupación o el ánimo bajo frenan su mejora.",
    ],
    harms: [
      "Le pide tiempo y esfuerzo.",
      "Hablar del dolor y de lo que siente puede costar al principio.",
      "Puede ser difícil encontrar un terapeuta cerca de usted.",
    ],
    outOf100: [],
    noNumbers: SOLO_MEDIAS,
    averages: [],
    otherNumbers: [],
    certaintyNote: `Baja para la TCC y moderada para la atención plena, según ${GUIAS_EEUU}. Mostramos la más baja.`,
    timeToEffect: "Semanas.",
    visits: "Varias sesiones durante unas semanas.",
    cost: "Medio. Pregunte en su clínica y a su seguro.",
    regulatoryStatus: NO_ES_UN_PRODUCTO,
  },
  "spinal-manipulation": {
    name: "Manipulación de la columna",
    whatItIs:
      "Un quiropráctico, un osteópata o un fisioterapeuta usa las manos para mover su columna. A veces da un empujón rápido.",
    whatItIsLike: "Cada visita es corta. Puede oír un chasquido. Después le puede doler.",
    benefits: [
      "Puede calmar un poco el dolor durante poco tiempo.",
      "Va mejor como parte de un plan que también tenga ejercicio.",
    ],
    harms: ["Después puede notar dolor o rigidez.", "El gasto sube si necesita muchas visitas."],
    outOf100: [],
    noNumbers: SOLO_MEDIAS,
    averages: [],
    otherNumbers: [],
    certaintyNote: `Baja, según ${GUIAS_EEUU}. La guía de la OMS dice que es muy baja.`,
    timeToEffect: "De días a semanas.",
    visits: "Varias visitas.",
    cost: "De bajo a medio, por visita.",
    regulatoryStatus: NO_ES_UN_PRODUCTO,
  },
  massage: {
    name: "Masaje",
    whatItIs: "Un terapeuta frota y aprieta los músculos de su espalda.",
    whatItIsLike: "A casi todos les relajan las sesiones. El alivio se suele pasar al cabo de un tiempo.",
    benefits: [
      "Puede calmar un poco el dolor durante poco tiempo.",
      "Va mejor como parte de un plan que también tenga ejercicio.",
    ],
    harms: [
      "El alivio dura poco, así que quizá tenga que volver muchas veces.",
      "El gasto sube con muchas sesiones.",
    ],
    outOf100: [],
    noNumbers: SOLO_MEDIAS,
    averages: [],
    otherNumbers: [],
    certaintyNote: `Baja, según ${GUIAS_EEUU} para el dolor de espalda reciente. No lo valoraron para el dolor que dura mucho.`,
    timeToEffect: "Días.",
    visits: "Sesiones repetidas.",
    cost: "De bajo a medio, por sesión.",
    regulatoryStatus: NO_ES_UN_PRODUCTO,
  },
  acupuncture: {
    name: "Acupuntura",
    whatItIs: "Le ponen agujas finas en la piel, en puntos fijos, y las dejan un rato corto.",
    whatItIsLike:
      "Se queda quieto un rato con las agujas puestas. Puede notar un pinchazo leve o un dolor sordo.",
    benefits: [
      "Puede calmar un poco el dolor.",
      `Las guías de los médicos de Estados Unidos la proponen para el dolor de espalda que dura mucho.`,
    ],
    harms: [
      "La guía del Reino Unido dice que no se ofrezca para el dolor de espalda. Así que los expertos no se ponen de acuerdo.",
      "Le pueden salir moretones o dolor donde entraron las agujas, y necesita muchas visitas.",
    ],
    outOf100: [],
    noNumbers: SOLO_MEDIAS,
    averages: [],
    otherNumbers: [],
    certaintyNote: `Baja, según la guía de la OMS. Las guías de los médicos de Estados Unidos dicen que es moderada. Mostramos la más baja.`,
    timeToEffect: "Semanas.",
    visits: "Una serie de varias sesiones.",
    cost: "De bajo a medio, por sesión.",
    regulatoryStatus: NO_ES_UN_PRODUCTO,
  },
  heat: {
    name: "Calor",
    whatItIs:
      "Una faja de calor, una almohadilla eléctrica o un baño caliente en la parte baja de la espalda.",
    whatItIsLike: "Lo usa en casa cuando lo necesita. A casi todos les alivia.",
    benefits: [
      "Puede calmar un poco el dolor durante un rato, sobre todo en el dolor de espalda reciente.",
      "Es barato y lo puede hacer usted mismo.",
    ],
    harms: [
      "Le puede quemar la piel si está muy caliente o lo deja puesto mucho rato, por ejemplo mientras duerme.",
      "El alivio no dura.",
    ],
    outOf100: [],
    noNumbers: SOLO_MEDIAS,
    averages: [],
    otherNumbers: [],
    certaintyNote: `Moderada para el dolor de espalda reciente, según ${GUIAS_EEUU}. Se ha estudiado poco en el dolor que dura mucho.`,
    timeToEffect: "De horas a días.",
    visits: "Ninguna.",
    cost: "Bajo.",
    regulatoryStatus: NO_ES_UN_PRODUCTO,
  },
};
