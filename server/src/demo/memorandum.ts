/**
 * The demo negotiation: a draft Memorandum of Cooperation (the "regional compact") among the four
 * Participants of the Joint Statement of San Salvador of 20 February 2019, in English and Spanish
 * (equally authentic texts; neither is a translation of the other).
 *
 * Each item is one bilingual clause. `key` is a stable slug from which the clause id is derived:
 * never rename or reuse one. Clauses carry no numbers in their text; numbering is derived by the
 * software from order and kind.
 *
 * The instrument is non-binding: it says "intend to" / "will endeavor to" ("tienen la intención de" /
 * "procurarán"), never "shall".
 */
export type DemoBlock = { type: 'paragraph'; text: string } | { type: 'ordered_list' | 'bullet_list'; items: string[] };

export interface DemoClause {
  key: string;
  kind: 'preamble' | 'heading' | 'clause' | 'final';
  en: DemoBlock[];
  es: DemoBlock[];
}

const p = (text: string): DemoBlock => ({ type: 'paragraph', text });
const ol = (...items: string[]): DemoBlock => ({ type: 'ordered_list', items });
const ul = (...items: string[]): DemoBlock => ({ type: 'bullet_list', items });

export const demoTitle: { en: string; es: string } = {
  en: 'Memorandum of Cooperation on Regional Security (“Regional Compact”)',
  es: 'Memorando de Cooperación sobre Seguridad Regional (“Pacto Regional”)',
};

export const demoClauses: DemoClause[] = [
  // ---------------------------------------------------------------- Preamble
  {
    key: 'preamble-participants',
    kind: 'preamble',
    en: [
      p(
        'The Department of Homeland Security of the United States of America, the Ministry of Justice and Public Security of the Republic of El Salvador, the Ministry of Government of the Republic of Guatemala, and the Secretariat of Security of the Republic of Honduras (hereinafter “the Participants”),',
      ),
    ],
    es: [
      p(
        'El Departamento de Seguridad Nacional de los Estados Unidos de América, el Ministerio de Justicia y Seguridad Pública de la República de El Salvador, el Ministerio de Gobernación de la República de Guatemala y la Secretaría de Seguridad de la República de Honduras (en adelante, “los Participantes”),',
      ),
    ],
  },
  {
    key: 'preamble-partnership',
    kind: 'preamble',
    en: [
      p(
        'Recognizing their strong partnership, rooted in a joint commitment to achieve a stable Central America and to enhance the safety and security of their countries;',
      ),
    ],
    es: [
      p(
        'Reconociendo su sólida asociación, fundada en un compromiso conjunto de lograr una Centroamérica estable y de mejorar la seguridad y la protección de sus países;',
      ),
    ],
  },
  {
    key: 'preamble-joint-statement',
    kind: 'preamble',
    en: [
      p(
        'Recalling the Joint Statement signed at San Salvador on February 20, 2019, in which the Participants set out the focus areas and initiatives to be addressed in a Memorandum of Cooperation and an Action Plan;',
      ),
    ],
    es: [
      p(
        'Recordando la Declaración Conjunta firmada en San Salvador el 20 de febrero de 2019, en la que los Participantes establecieron las áreas de enfoque y las iniciativas que habrían de abordarse en un Memorando de Cooperación y en un Plan de Acción;',
      ),
    ],
  },
  {
    key: 'preamble-irregular-migration',
    kind: 'preamble',
    en: [
      p(
        'Concerned by the ongoing humanitarian and security crisis of irregular migration, including the formation of migrant caravans, and by the criminal organizations that exploit migrants for profit;',
      ),
    ],
    es: [
      p(
        'Preocupados por la persistente crisis humanitaria y de seguridad que representa la migración irregular, incluida la formación de caravanas de migrantes, así como por las organizaciones criminales que explotan a los migrantes con fines de lucro;',
      ),
    ],
  },
  {
    key: 'preamble-root-causes',
    kind: 'preamble',
    en: [
      p(
        'Determined to address the root causes of irregular migration in order to meet its challenges at their source, by pairing new initiatives with existing efforts;',
      ),
    ],
    es: [
      p(
        'Decididos a abordar las causas fundamentales de la migración irregular con el fin de enfrentar sus desafíos en su origen, combinando nuevas iniciativas con los esfuerzos existentes;',
      ),
    ],
  },
  {
    key: 'preamble-understanding',
    kind: 'preamble',
    en: [p('Have reached the following understanding:')],
    es: [p('Han alcanzado el siguiente entendimiento:')],
  },

  // ---------------------------------------------------------------- Purpose
  {
    key: 'purpose',
    kind: 'clause',
    en: [
      p(
        'The purpose of this Memorandum of Cooperation is to establish a framework for regional cooperation among the Participants, including their interagency partners, in order to address the humanitarian and security challenges of irregular migration at their source, in the following focus areas:',
      ),
      ul(
        'combating human trafficking and migrant smuggling;',
        'countering organized crime and gangs;',
        'expanding information and intelligence sharing; and',
        'strengthening border security.',
      ),
    ],
    es: [
      p(
        'El presente Memorando de Cooperación tiene por objeto establecer un marco de cooperación regional entre los Participantes, incluidos sus socios interinstitucionales, con el fin de abordar en su origen los desafíos humanitarios y de seguridad de la migración irregular, en las siguientes áreas de enfoque:',
      ),
      ul(
        'el combate a la trata de personas y al tráfico ilícito de migrantes;',
        'la lucha contra el crimen organizado y las pandillas;',
        'la ampliación del intercambio de información e inteligencia; y',
        'el fortalecimiento de la seguridad fronteriza.',
      ),
    ],
  },

  // ---------------------------------------------------------------- Human trafficking and migrant smuggling
  {
    key: 'section-trafficking',
    kind: 'heading',
    en: [p('Combating Human Trafficking and Migrant Smuggling')],
    es: [p('Combate a la Trata de Personas y al Tráfico Ilícito de Migrantes')],
  },
  {
    key: 'trafficking-intent',
    kind: 'clause',
    en: [
      p(
        'The Participants intend to build capacity in the region to detect, deter, and dismantle human trafficking and migrant smuggling organizations, targeting their finances, logistics, communications platforms, and related criminal activity.',
      ),
    ],
    es: [
      p(
        'Los Participantes tienen la intención de fortalecer las capacidades en la región para detectar, disuadir y desarticular las organizaciones dedicadas a la trata de personas y al tráfico ilícito de migrantes, actuando contra sus finanzas, su logística, sus plataformas de comunicación y las actividades delictivas conexas.',
      ),
    ],
  },
  {
    key: 'trafficking-operations',
    kind: 'clause',
    en: [
      p(
        'The Participants intend to expand operations targeting human trafficking and migrant smuggling networks in El Salvador, Guatemala, Honduras, and the United States of America.',
      ),
    ],
    es: [
      p(
        'Los Participantes tienen la intención de ampliar las operaciones dirigidas contra las redes de trata de personas y de tráfico ilícito de migrantes en El Salvador, Guatemala, Honduras y los Estados Unidos de América.',
      ),
    ],
  },
  {
    key: 'trafficking-biometrics',
    kind: 'clause',
    en: [
      p(
        'The Participants will endeavor to increase the collection of biometric data of individuals who cross the borders of El Salvador, Guatemala, and Honduras without valid documents, in accordance with their respective domestic laws, including those on the protection of personal data.',
      ),
    ],
    es: [
      p(
        'Los Participantes procurarán incrementar la recopilación de datos biométricos de las personas que crucen las fronteras de El Salvador, Guatemala y Honduras sin documentos válidos, de conformidad con su respectiva legislación nacional, incluida la relativa a la protección de datos personales.',
      ),
    ],
  },
  {
    key: 'trafficking-migration-flows',
    kind: 'clause',
    en: [
      p(
        'The Participants intend to develop criteria for the exchange of strategic information on high-risk migration flows, such as caravans, within the legal framework of each country.',
      ),
    ],
    es: [
      p(
        'Los Participantes tienen la intención de elaborar criterios para el intercambio de información estratégica sobre flujos migratorios de alto riesgo, como las caravanas, dentro del marco jurídico de cada país.',
      ),
    ],
  },
  {
    key: 'trafficking-fraudulent-documents',
    kind: 'clause',
    en: [
      p(
        'The Participants intend to develop a program to analyze and identify fraudulent identity documents used by migrants to enter and transit El Salvador, Guatemala, and Honduras.',
      ),
    ],
    es: [
      p(
        'Los Participantes tienen la intención de desarrollar un programa para analizar e identificar los documentos de identidad fraudulentos utilizados por migrantes para ingresar a El Salvador, Guatemala y Honduras y transitar por dichos países.',
      ),
    ],
  },
  {
    key: 'trafficking-messaging',
    kind: 'clause',
    en: [
      p(
        'The Participants will endeavor to expand long-term and short-term messaging campaigns that directly refute the messages used by smuggling organizations to recruit migrants.',
      ),
    ],
    es: [
      p(
        'Los Participantes procurarán ampliar las campañas de comunicación de corto y largo plazo que refuten directamente los mensajes utilizados por las organizaciones de tráfico ilícito de migrantes para captar a personas migrantes.',
      ),
    ],
  },

  // ---------------------------------------------------------------- Organized crime and gangs
  {
    key: 'section-organized-crime',
    kind: 'heading',
    en: [p('Countering Organized Crime and Gangs')],
    es: [p('Lucha contra el Crimen Organizado y las Pandillas')],
  },
  {
    key: 'organized-crime-intent',
    kind: 'clause',
    en: [
      p(
        'The Participants intend to build law enforcement capacity in El Salvador, Guatemala, and Honduras to combat transnational criminal organizations and other crimes that drive violence in the region.',
      ),
    ],
    es: [
      p(
        'Los Participantes tienen la intención de fortalecer la capacidad de las instituciones encargadas de hacer cumplir la ley en El Salvador, Guatemala y Honduras para combatir a las organizaciones criminales transnacionales y los demás delitos que generan violencia en la región.',
      ),
    ],
  },
  {
    key: 'organized-crime-harmonization',
    kind: 'clause',
    en: [
      p(
        'The Participants intend to develop and present a comprehensive proposal to harmonize the laws of the region related to combating gangs, organized crime, human trafficking, and migrant smuggling.',
      ),
    ],
    es: [
      p(
        'Los Participantes tienen la intención de elaborar y presentar una propuesta integral para armonizar la legislación de la región en materia de combate a las pandillas, al crimen organizado, a la trata de personas y al tráfico ilícito de migrantes.',
      ),
    ],
  },
  {
    key: 'organized-crime-information-exchange',
    kind: 'clause',
    en: [
      p(
        'The Participants will endeavor to increase the exchange of information related to transnational organized crime and to the persons who participate in or benefit from migrant smuggling.',
      ),
    ],
    es: [
      p(
        'Los Participantes procurarán incrementar el intercambio de información relativa al crimen organizado transnacional y a las personas que participan en el tráfico ilícito de migrantes o se benefician de él.',
      ),
    ],
  },
  {
    key: 'organized-crime-pathways',
    kind: 'clause',
    en: [
      p(
        'The Participants intend to increase their investigative focus on the air, land, and maritime routes used by transnational criminal organizations and gangs.',
      ),
    ],
    es: [
      p(
        'Los Participantes tienen la intención de intensificar sus investigaciones sobre las rutas aéreas, terrestres y marítimas utilizadas por las organizaciones criminales transnacionales y las pandillas.',
      ),
    ],
  },

  // ---------------------------------------------------------------- Information and intelligence sharing
  {
    key: 'section-information-sharing',
    kind: 'heading',
    en: [p('Expanding Information and Intelligence Sharing')],
    es: [p('Ampliación del Intercambio de Información e Inteligencia')],
  },
  {
    key: 'information-sharing-intent',
    kind: 'clause',
    en: [
      p(
        'The Participants intend to expand the use of consolidated shared communication platforms, using these systems to track criminals along with their networks and finances, and to promote the production of advance information and targeting in order to better inform law enforcement operations and to prevent potential threats from transiting the region unimpeded.',
      ),
    ],
    es: [
      p(
        'Los Participantes tienen la intención de ampliar el uso de plataformas de comunicación compartidas y consolidadas, utilizando estos sistemas para dar seguimiento a los delincuentes, así como a sus redes y finanzas, y de promover la generación de información anticipada y de análisis para la selección de objetivos, a fin de orientar mejor las operaciones de aplicación de la ley e impedir que posibles amenazas transiten por la región sin obstáculos.',
      ),
    ],
  },
  {
    key: 'information-sharing-gcif-protocol',
    kind: 'clause',
    en: [
      p(
        'The Participants intend to consider establishing and developing an action protocol for the exchange of information through the Joint Border Intelligence Group (GCIF).',
      ),
    ],
    es: [
      p(
        'Los Participantes tienen la intención de considerar el establecimiento y el desarrollo de un protocolo de actuación para el intercambio de información por medio del Grupo Conjunto de Inteligencia Fronteriza (GCIF).',
      ),
    ],
  },
  {
    key: 'information-sharing-technology',
    kind: 'clause',
    en: [p('The Participants will endeavor to align their technology platforms to meet their information-sharing and operational needs.')],
    es: [p('Los Participantes procurarán alinear sus plataformas tecnológicas para atender sus necesidades operativas y de intercambio de información.')],
  },
  {
    key: 'information-sharing-gcif-model',
    kind: 'clause',
    en: [p('The Participants intend to enhance the use of the GCIF as a regional model for information exchange.')],
    es: [p('Los Participantes tienen la intención de potenciar la utilización del GCIF como modelo regional de intercambio de información.')],
  },
  {
    key: 'information-sharing-apis',
    kind: 'clause',
    en: [
      p(
        'The Participants intend to implement the Advance Passenger Information System (APIS) in El Salvador, Guatemala, and Honduras, with connectivity to databases of the United States of America.',
      ),
    ],
    es: [
      p(
        'Los Participantes tienen la intención de implementar el Sistema de Información Anticipada sobre Pasajeros (APIS, por sus siglas en inglés) en El Salvador, Guatemala y Honduras, con conectividad a bases de datos de los Estados Unidos de América.',
      ),
    ],
  },
  {
    key: 'information-sharing-jsp',
    kind: 'clause',
    en: [p('The Participants intend to expand the operations of the Joint Security Program (JSP) in El Salvador, Guatemala, and Honduras.')],
    es: [
      p(
        'Los Participantes tienen la intención de ampliar las operaciones del Programa Conjunto de Seguridad (JSP, por sus siglas en inglés) en El Salvador, Guatemala y Honduras.',
      ),
    ],
  },
  {
    key: 'information-sharing-cargo-data',
    kind: 'clause',
    en: [
      p(
        'The Participants will endeavor to pursue arrangements under the Foreign Electronic Cargo Data Exchange Program among El Salvador, Guatemala, Honduras, and the United States of America in order to improve the analysis of cargo data and to identify shipments that are at high risk for narcotics smuggling or other threats.',
      ),
    ],
    es: [
      p(
        'Los Participantes procurarán concertar arreglos en el marco del Programa de Intercambio Electrónico de Datos de Carga con el Extranjero entre El Salvador, Guatemala, Honduras y los Estados Unidos de América, a fin de mejorar el análisis de los datos de carga e identificar los envíos de alto riesgo en relación con el tráfico de estupefacientes u otras amenazas.',
      ),
    ],
  },

  // ---------------------------------------------------------------- Border security
  {
    key: 'section-border-security',
    kind: 'heading',
    en: [p('Strengthening Border Security')],
    es: [p('Fortalecimiento de la Seguridad Fronteriza')],
  },
  {
    key: 'border-security-intent',
    kind: 'clause',
    en: [
      p(
        'The Participants intend to improve the ability of the regional land and aviation security services to patrol and monitor borders, to detect and respond to threats along borders, and to secure ports of entry, border areas between ports of entry, and maritime spaces throughout the region.',
      ),
    ],
    es: [
      p(
        'Los Participantes tienen la intención de mejorar la capacidad de los servicios regionales de seguridad terrestre y aérea para patrullar y vigilar las fronteras, detectar las amenazas a lo largo de ellas y responder a las mismas, y asegurar los puertos de entrada, las zonas fronterizas entre los puertos de entrada y los espacios marítimos en toda la región.',
      ),
    ],
  },
  {
    key: 'border-security-units',
    kind: 'clause',
    en: [
      p(
        'The Participants will endeavor to increase, to the extent possible, the number, training, oversight, and integration of border police units or border security units in El Salvador, Guatemala, and Honduras.',
      ),
    ],
    es: [
      p(
        'Los Participantes procurarán incrementar, en la medida de lo posible, el número, la capacitación, la supervisión y la integración de las unidades de policía fronteriza o de seguridad fronteriza en El Salvador, Guatemala y Honduras.',
      ),
    ],
  },
  {
    key: 'border-security-capabilities',
    kind: 'clause',
    en: [p('The Participants intend to improve the capabilities of border security units, including through training and technical assistance.')],
    es: [
      p(
        'Los Participantes tienen la intención de mejorar las capacidades de las unidades de seguridad fronteriza, incluso mediante capacitación y asistencia técnica.',
      ),
    ],
  },
  {
    key: 'border-security-risk-assessments',
    kind: 'clause',
    en: [p('The Participants intend to complete and periodically update border risk assessments.')],
    es: [p('Los Participantes tienen la intención de concluir y actualizar periódicamente las evaluaciones de riesgo fronterizo.')],
  },
  {
    key: 'border-security-communications',
    kind: 'clause',
    en: [p('The Participants intend to develop mechanisms to improve cross-border communications among their competent authorities.')],
    es: [
      p('Los Participantes tienen la intención de desarrollar mecanismos para mejorar las comunicaciones transfronterizas entre sus autoridades competentes.'),
    ],
  },

  // ---------------------------------------------------------------- Final provisions
  {
    key: 'section-final-provisions',
    kind: 'heading',
    en: [p('Final Provisions')],
    es: [p('Disposiciones Finales')],
  },
  {
    key: 'final-annual-meetings',
    kind: 'final',
    en: [
      p(
        'The Participants intend to hold annual meetings at the executive and technical levels to review progress in the implementation of this Memorandum of Cooperation in each of its focus areas and to agree on future activities.',
      ),
    ],
    es: [
      p(
        'Los Participantes tienen la intención de celebrar reuniones anuales a nivel ejecutivo y técnico para examinar los avances en la implementación del presente Memorando de Cooperación en cada una de sus áreas de enfoque y acordar actividades futuras.',
      ),
    ],
  },
  {
    key: 'final-action-plan',
    kind: 'final',
    en: [
      p(
        'The Participants intend to negotiate and sign an Action Plan for the implementation of each of the focus areas of this Memorandum of Cooperation. The Action Plan is expected to set out:',
      ),
      ol(
        'the objectives to be pursued in each focus area;',
        'the mechanisms for coordination and follow-up among the Participants; and',
        'the programs necessary for the implementation of the initiatives described in this Memorandum of Cooperation.',
      ),
    ],
    es: [
      p(
        'Los Participantes tienen la intención de negociar y firmar un Plan de Acción para la implementación de cada una de las áreas de enfoque del presente Memorando de Cooperación. Se prevé que el Plan de Acción establezca:',
      ),
      ol(
        'los objetivos que se perseguirán en cada área de enfoque;',
        'los mecanismos de coordinación y seguimiento entre los Participantes; y',
        'los programas necesarios para la implementación de las iniciativas descritas en el presente Memorando de Cooperación.',
      ),
    ],
  },
  {
    key: 'final-mexico',
    kind: 'final',
    en: [
      p(
        'The Participants welcome the possible participation of the competent authorities of the United Mexican States in this Memorandum of Cooperation. The competent authorities of other States may also become Participants by mutual consent of the Participants, expressed in writing.',
      ),
    ],
    es: [
      p(
        'Los Participantes acogen con beneplácito la posible participación de las autoridades competentes de los Estados Unidos Mexicanos en el presente Memorando de Cooperación. Las autoridades competentes de otros Estados también podrán incorporarse como Participantes por mutuo consentimiento de los Participantes, expresado por escrito.',
      ),
    ],
  },
  {
    key: 'final-non-binding',
    kind: 'final',
    en: [
      p(
        'This Memorandum of Cooperation does not create legally binding obligations under international law. Each Participant intends to carry out the activities described in this Memorandum of Cooperation in accordance with its domestic legal framework and subject to the availability of resources. This Memorandum of Cooperation is not intended to confer rights on any private person.',
      ),
    ],
    es: [
      p(
        'El presente Memorando de Cooperación no crea obligaciones jurídicamente vinculantes en virtud del derecho internacional. Cada Participante tiene la intención de llevar a cabo las actividades descritas en el presente Memorando de Cooperación de conformidad con su marco jurídico interno y con sujeción a la disponibilidad de recursos. El presente Memorando de Cooperación no tiene por objeto conferir derechos a particulares.',
      ),
    ],
  },
  {
    key: 'final-amendment',
    kind: 'final',
    en: [p('This Memorandum of Cooperation may be modified at any time by mutual written consent of the Participants.')],
    es: [
      p('El presente Memorando de Cooperación podrá modificarse en cualquier momento por mutuo consentimiento de los Participantes, expresado por escrito.'),
    ],
  },
  {
    key: 'final-effect-discontinuation',
    kind: 'final',
    en: [
      p(
        'This Memorandum of Cooperation will come into effect on the date of its signature by all the Participants and will remain in effect until discontinued. Any Participant may discontinue its participation in this Memorandum of Cooperation at any time, preferably upon at least ninety (90) days’ written notice to the other Participants. The discontinuation of participation by one Participant will not affect the continuation of this Memorandum of Cooperation among the other Participants.',
      ),
    ],
    es: [
      p(
        'El presente Memorando de Cooperación surtirá efecto en la fecha de su firma por todos los Participantes y permanecerá vigente hasta que se le ponga término. Cualquier Participante podrá poner término a su participación en el presente Memorando de Cooperación en cualquier momento, preferentemente mediante notificación escrita a los demás Participantes con al menos noventa (90) días de antelación. La terminación de la participación de un Participante no afectará la continuidad del presente Memorando de Cooperación entre los demás Participantes.',
      ),
    ],
  },
  {
    key: 'final-signature',
    kind: 'final',
    en: [p('Signed at San Salvador, in duplicate, on ..., in the English and Spanish languages, both texts being equally authentic.')],
    es: [p('Firmado en San Salvador, en duplicado, el ..., en los idiomas inglés y español, siendo ambos textos igualmente auténticos.')],
  },
];
