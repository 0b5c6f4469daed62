/** The demo negotiation's people. Roles get their meaning from the policy table (shared/src/policy). */
export interface DemoUser {
  email: string;
  displayName: string;
  uiLanguage: 'en' | 'es';
  role: 'secretariat' | 'delegate' | 'legal_reviewer' | 'observer';
  participant: 'US' | 'SV' | 'GT' | 'HN' | null;
  description: string;
}

export const demoUsers: DemoUser[] = [
  { email: 'secretariat@demo.test', displayName: 'Ana Secretariat', uiLanguage: 'en', role: 'secretariat', participant: null, description: 'secretariat' },
  {
    email: 'us.delegate@demo.test',
    displayName: 'Michael Reyes',
    uiLanguage: 'en',
    role: 'delegate',
    participant: 'US',
    description: 'delegate of the United States (DHS)',
  },
  {
    email: 'sv.delegate@demo.test',
    displayName: 'Carmen Alvarado',
    uiLanguage: 'es',
    role: 'delegate',
    participant: 'SV',
    description: 'delegate of El Salvador',
  },
  { email: 'gt.delegate@demo.test', displayName: 'José Ixcot', uiLanguage: 'es', role: 'delegate', participant: 'GT', description: 'delegate of Guatemala' },
  {
    email: 'hn.delegate@demo.test',
    displayName: 'María Fernanda Zelaya',
    uiLanguage: 'es',
    role: 'delegate',
    participant: 'HN',
    description: 'delegate of Honduras',
  },
  {
    email: 'hn.legal@demo.test',
    displayName: 'Ramón Núñez',
    uiLanguage: 'es',
    role: 'legal_reviewer',
    participant: 'HN',
    description: 'legal reviewer for Honduras',
  },
  { email: 'observer@demo.test', displayName: 'Olivia Observer', uiLanguage: 'en', role: 'observer', participant: null, description: 'observer' },
];
