/**
 * The library in Spanish (usted form), section for section and paragraph for paragraph with the
 * English pages; sources, certainty, versions and triage rules are the English ones. Held to
 * INFLESZ ≥ 55 and to the Spanish list of forbidden claims by tests.
 */
import { EMERGENCY_NUMBER } from "../emergency-number";
import type { LibraryTopicId, LibraryTopicWords } from "./types";

export const libraryWordsEs: Readonly<Record<LibraryTopicId, LibraryTopicWords>> = {
  "back-pain": {
    title: "Dolor de espalda: de dónde viene y cómo sigue",
    summary:
      "Por qué le duele la espalda, lo raro que es una causa grave y cómo suele cambiar el dolor con el tiempo.",
    sections: [
      {
        heading: "De dónde viene",
        paragraphs: [
          "El dolor de espalda es muy común. Cuando dura mucho, casi nunca se halla una sola causa clara. La OMS cree que es así en al menos 9 de cada 10 personas que van al médico de familia por este dolor.",
          "Las guías dicen que casi nadie con dolor de espalda necesita una prueba de imagen. Sirve si hay señales de alarma, o antes de algunas inyecciones o de una operación.",
          "Una causa grave es rara. De cada 100 personas que van al médico de familia por dolor de espalda, menos de 1 tiene cáncer en la columna. Unas 4 tienen un hueso roto en la columna.",
        ],
      },
      {
        heading: "Cómo suele seguir",
        paragraphs: [
          "Hay estudios que siguieron a personas con dolor de más de 3 meses. En una escala de 0 a 100, su dolor era de 51 al inicio. Bajó a 33 en 6 semanas y a 23 al cabo de un año. Casi todo el cambio llegó al principio.",
          "El dolor nuevo suele bajar más rápido. En los mismos estudios, bajó de 52 a 23 en 6 semanas.",
          "Por eso muchas personas se sienten mejor tras cualquier cuidado: el dolor ya iba a menos. Y por eso un buen estudio de un tratamiento necesita un grupo que no lo recibe.",
        ],
      },
      {
        heading: "Qué ayuda mientras tanto",
        paragraphs: [
          "Las guías le aconsejan seguir activo y hacer su vida normal lo mejor que pueda. El ejercicio es uno de los primeros cuidados que proponen.",
        ],
      },
    ],
  },
  "warning-signs": {
    title: "Señales de alarma: cuándo pedir ayuda ya",
    summary: "Las pocas señales que piden atención hoy, y adónde ir.",
    sections: [
      {
        heading: "Por qué importan estas señales",
        paragraphs: [
          "Casi siempre, el dolor de espalda no es señal de daño. Pero unas pocas señales pueden indicar que un nervio, una infección o un vaso de sangre necesita atención rápida. Le preguntamos por ellas al empezar. Si salen más tarde, actúe.",
        ],
      },
      {
        heading: `Vaya a urgencias ahora o llame al ${EMERGENCY_NUMBER}`,
        paragraphs: [
          "No puede orinar, o no nota cuándo tiene ganas. Pierde el control de las heces. Se le duerme la piel entre las piernas o alrededor del ano. Tiene dolor, falta de tacto o poca fuerza nuevos en las dos piernas, o problemas nuevos con el sexo.",
          "Una pierna o un pie pierde fuerza. Tiene fiebre y nota la pierna dormida o le cuesta andar. Tiene fiebre y hace pocos meses le pusieron una inyección o le operaron de la espalda, se inyecta drogas o tiene las defensas bajas. Tuvo cáncer y ahora nota la pierna dormida o le cuesta andar. Nota un bulto en la tripa que late como el pulso.",
          "No espere a su próxima cita ni a que le llame su clínica. Si no está seguro, vaya igual.",
        ],
      },
      {
        heading: "Llame hoy a su clínica",
        paragraphs: [
          "Tiene fiebre, escalofríos o tiembla con el dolor de espalda. Le cuesta andar y es nuevo. El dolor empeoró tras una inyección o una operación en la espalda.",
          "Ha tenido cáncer alguna vez. El dolor empezó tras un golpe fuerte, o tras una caída leve si tiene los huesos débiles. Ha tomado pastillas o inyecciones de corticoides durante meses.",
          "Un médico debe mirarlo pronto. Casi siempre resulta ser otra cosa. No pida cita para una inyección ni una operación hasta hablar con su clínica.",
        ],
      },
      {
        heading: "Dígaselo pronto a su clínica",
        paragraphs: [
          "Pierde peso sin querer. Le duele mucho de noche o en reposo. Tiene la espalda rígida más de 30 minutos cada mañana y mejora al moverse. El dolor va a peor, aunque se trate.",
          "Una sola de estas señales rara vez es grave. Ayuda al médico a ver si le hacen falta pruebas.",
        ],
      },
    ],
  },
  treatments: {
    title: "Los tipos de tratamiento",
    summary:
      "Desde esperar y hacer ejercicio hasta las inyecciones y la cirugía: qué hace cada uno, en breve. La guía de decisión tiene los números.",
    sections: [
      {
        heading: "Esperar y seguir activo",
        paragraphs: [
          "El dolor de espalda suele bajar con el tiempo, incluso sin tratamiento. Las guías le aconsejan seguir activo mientras tanto.",
        ],
      },
      {
        heading: "Ejercicio, terapia y cuidados con las manos",
        paragraphs: [
          "Un plan de ejercicio ayuda un poco con el dolor y con lo que puede hacer. Los expertos están bastante seguros, y las guías lo proponen primero.",
          "El yoga, la terapia para la mente, el masaje y la manipulación de la columna también pueden ayudar un poco. Los expertos están menos seguros, porque los estudios son más débiles.",
        ],
      },
      {
        heading: "Medicinas",
        paragraphs: [
          "Las pastillas para el dolor y la hinchazón, como el ibuprofeno, ayudan un poco y por poco tiempo. Pueden dañar el estómago, los riñones o el corazón.",
          "Los calmantes fuertes (opioides) no fueron mejores que otras pastillas al cabo de un año en un estudio, y dieron más efectos no deseados. Las guías no los aconsejan para el dolor de espalda que dura mucho.",
        ],
      },
      {
        heading: "Inyecciones",
        paragraphs: [
          "Una inyección de corticoides junto a un nervio puede aliviar un poco el dolor de pierna unas semanas. No ayuda a largo plazo.",
          "A algunas personas les tratan con calor los nervios pequeños de las articulaciones de la columna. Los expertos no saben bien si ayuda.",
        ],
      },
      {
        heading: "Cirugía",
        paragraphs: [
          "Si el dolor de pierna viene de una hernia de disco, operar pronto alivia antes. Pero al cabo de un año, 95 de cada 100 personas estaban mejor, con o sin operación temprana.",
          "En un estudio de 349 personas, unir huesos de la zona baja de la espalda fue casi igual que un plan duro de ejercicio. Las guías no la aconsejan solo por dolor de espalda, salvo en un estudio.",
        ],
      },
      {
        heading: "Inyecciones de células y de plaquetas",
        paragraphs: [
          "Las inyecciones de células de médula ósea, de grasa o de donantes, y las de plaquetas (PRP), son experimentales. La FDA no ha aprobado ninguna para el dolor de espalda. Los expertos no saben bien si ayudan.",
        ],
      },
    ],
  },
  "stem-cell-shots": {
    title: "Inyecciones de «células madre»: qué son y qué no son",
    summary:
      "Casi ninguna de estas inyecciones lleva células madre, y la FDA no ha aprobado ninguna para el dolor de espalda. Qué halló el mejor estudio.",
    sections: [
      {
        heading: "Qué venden las clínicas",
        paragraphs: [
          "Las clínicas llaman «células madre» a muchos tipos de inyecciones. Unas usan células de su propia médula ósea o de su grasa. Otras usan productos de donantes, como tejido del parto. Otras usan plaquetas de su sangre.",
        ],
      },
      {
        heading: "Casi ninguna son células madre",
        paragraphs: [
          "El plasma rico en plaquetas (PRP) se hace al girar su propia sangre para juntar las plaquetas, que ayudan a cerrar las heridas. No lleva células madre.",
          "En la médula ósea, menos de 1 de cada 10.000 células es de las que se llaman células madre. Así que una inyección de médula es sobre todo células de la sangre.",
          "Los productos de tejido del parto, como el líquido que rodea al bebé o el cordón, se venden a menudo como células madre. La FDA dice que necesitan su permiso, y no lo ha dado.",
        ],
      },
      {
        heading: "Ninguna tiene permiso para el dolor de espalda",
        paragraphs: [
          "La FDA no ha aprobado ningún producto de células madre ni otro producto «regenerativo» para el dolor de espalda, ni para ningún otro problema de huesos, articulaciones o columna.",
          "Los pocos productos de células madre con permiso de la FDA tratan cánceres de la sangre y algunas enfermedades de la sangre y de las defensas.",
          "Dos tribunales de apelación de EE. UU. han dicho que las células sacadas de la grasa (llamadas SVF) son un fármaco. Un fármaco necesita permiso de la FDA antes de usarse, incluso en un estudio.",
        ],
      },
      {
        heading: "Qué halló el mejor estudio",
        paragraphs: [
          "Solo un estudio ha comparado una inyección de médula en el disco con una inyección falsa. Tomaron parte 63 personas. Al cabo de un año, 44 de cada 100 con la inyección de médula tenían la mitad de dolor o menos. También 56 de cada 100 con la inyección falsa. La diferencia puede ser por azar.",
          "Muchas personas se sienten mejor tras una inyección falsa, o solo con el paso del tiempo. Por eso, un estudio sin un grupo con inyección falsa no puede decir si una inyección sirve.",
        ],
      },
      {
        heading: "Daños y precios",
        paragraphs: [
          "La FDA ha tenido avisos de ceguera, tumores e infecciones graves tras usar productos de células madre sin permiso.",
          "En un juicio en EE. UU., una clínica cobró 8.900 dólares por un tratamiento con células de grasa, y 41.500 por un grupo de 12. El seguro no pagó.",
        ],
      },
    ],
  },
  "judging-a-clinic": {
    title: "Cómo juzgar lo que dice una clínica",
    summary: "Preguntas que hacer antes de pagar una inyección, y de qué fiarse poco en los anuncios.",
    sections: [
      {
        heading: "Qué pide la ley a una clínica",
        paragraphs: [
          "En EE. UU., lo que una clínica dice sobre la salud tiene que ser cierto y estar basado en buena ciencia. La FTC, que protege a los clientes de los anuncios falsos, ha llevado a juicio a clínicas por decir cosas de las células madre que no podían respaldar.",
        ],
      },
      {
        heading: "Preguntas que hacer",
        paragraphs: [
          "¿Permite la FDA este tratamiento para mi problema? Si no, ¿es parte de un estudio que la FDA ha permitido? Pida ver la carta de la FDA para ese estudio.",
          "¿Qué lleva la inyección y de dónde sale? ¿Qué riesgos tiene y qué opciones hay de que ayude? Pregunte también a su propio médico.",
          "¿Cuál es el precio total, por escrito? El seguro no suele pagar los cuidados experimentales.",
        ],
      },
      {
        heading: "Desconfíe si un anuncio",
        paragraphs: [
          "Dice que una inyección trata muchas enfermedades. Dice que sirve igual que el cuidado normal, o mejor. Solo muestra pacientes contentos. La FTC llevó a juicio cosas así.",
          "Las historias de pacientes contentos no son una prueba. Muchas personas se sienten mejor tras cualquier inyección, o con el tiempo.",
        ],
      },
      {
        heading: "Números que pedir",
        paragraphs: [
          "Una clínica que sigue sus resultados le puede decir a cuántas personas trató, de cuántas supo algo un año después, y cómo cambió su dolor y su vida diaria. Pida esos números, no solo las historias buenas.",
          "Pida a la clínica su página de resultados. Una página honesta cuenta a todas las personas que trató. Dice cuántas contestaron. Pone los números de la clínica al lado de los de otras clínicas. Y dice lo que los números no pueden mostrar.",
        ],
      },
    ],
  },
  registries: {
    title: "Lo que un registro puede y no puede decir",
    summary:
      "Su clínica anota cómo están sus pacientes. Esto es lo que esos números pueden mostrar, y lo que no.",
    sections: [
      {
        heading: "Qué es un registro",
        paragraphs: [
          "Un registro hace las mismas preguntas a muchos pacientes a lo largo del tiempo: cuánto dolor tienen y qué pueden hacer, antes y después del cuidado. Su clínica tiene uno, y sus respuestas van en él.",
        ],
      },
      {
        heading: "Qué puede decir",
        paragraphs: [
          "Puede mostrar cómo estaban personas como usted a los 3, 6 y 12 meses de un tratamiento, cuántas de ellas contestaron y con qué frecuencia hubo problemas.",
        ],
      },
      {
        heading: "Qué no puede decir",
        paragraphs: [
          "Por sí solo, no puede mostrar que un tratamiento causó el cambio. El dolor suele bajar con el tiempo. En estudios de dolor de espalda que dura mucho, bajó de 51 a 33 sobre 100 en 6 semanas, sin un tratamiento especial.",
          "Solo un buen ensayo puede mostrar lo que añade un tratamiento, con grupos hechos al azar y algunas personas con un tratamiento falso. En uno de esos ensayos, 56 de cada 100 personas con una inyección falsa tenían la mitad de dolor o menos al cabo de un año.",
        ],
      },
    ],
  },
};
