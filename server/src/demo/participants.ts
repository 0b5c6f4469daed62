/**
 * The four Participants of the demo negotiation (the draft Memorandum of Cooperation,
 * the "regional compact", drafted from the Joint Statement of San Salvador, 20 February 2019).
 *
 * Colors identify each delegation in the UI (badges with white text, collaborative cursors).
 * Each has a contrast ratio of at least 6.5:1 against white text (WCAG AA requires 4.5:1),
 * and the four hues (blue, teal, purple, red) are clearly distinguishable from one another.
 */
export interface DemoParticipant {
  code: 'US' | 'SV' | 'GT' | 'HN';
  name: { en: string; es: string };
  color: string;
}

export const demoParticipants: DemoParticipant[] = [
  {
    code: 'US',
    name: {
      en: 'Department of Homeland Security of the United States of America',
      es: 'Departamento de Seguridad Nacional de los Estados Unidos de América',
    },
    color: '#1D4E89', // dark blue, 8.4:1 against white
  },
  {
    code: 'SV',
    name: {
      en: 'Ministry of Justice and Public Security of the Republic of El Salvador',
      es: 'Ministerio de Justicia y Seguridad Pública de la República de El Salvador',
    },
    color: '#00695C', // dark teal, 6.6:1 against white
  },
  {
    code: 'GT',
    name: {
      en: 'Ministry of Government of the Republic of Guatemala',
      es: 'Ministerio de Gobernación de la República de Guatemala',
    },
    color: '#5E35B1', // deep purple, 8.0:1 against white
  },
  {
    code: 'HN',
    name: {
      en: 'Secretariat of Security of the Republic of Honduras',
      es: 'Secretaría de Seguridad de la República de Honduras',
    },
    color: '#B3261E', // dark red, 6.5:1 against white
  },
];
