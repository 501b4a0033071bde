import { testRule } from '../helpers/rule-tester.js';

testRule('orphan-contact', [
  {
    name: 'fires at a contact no role or provider names',
    plan: `bcplan: 1
plan: { id: p }
roles:
  - { id: lead, primary: anna, deputies: [ben] }
contacts:
  - { id: anna, name: Anna }
  - { id: ben, name: Ben }
  - id: carla
    name: Carla Rossi
`,
    findings: [
      {
        line: 8,
        column: 9,
        pointer: '/contacts/2/id',
        message:
          'contact carla (Carla Rossi) is not named by any role or provider: make them a primary, deputy or provider contact, or remove the entry',
      },
    ],
  },
  {
    name: 'does not fire for primaries, deputies and provider contacts, also from an imported role',
    plan: `bcplan: 1
imports: [roles.yaml]
plan: { id: p }
providers:
  - { id: cc, contacts: [dora] }
contacts:
  - { id: anna }
  - { id: ben }
  - { id: dora }
`,
    files: { 'roles.yaml': 'bcplan: 1\nroles:\n  - { id: lead, primary: anna, deputies: [ben] }\n' },
    findings: [],
  },
  {
    name: 'contacts of an imported directory are not reported: other plans may use them',
    plan: `bcplan: 1
imports: [directory.yaml]
plan: { id: p }
roles:
  - { id: lead, primary: anna }
`,
    files: {
      'directory.yaml': 'bcplan: 1\ncontacts:\n  - { id: anna }\n  - { id: unused-here }\n',
    },
    findings: [],
  },
  {
    name: 'schema-broken data: references as text or numbers count; contacts without id are skipped',
    plan: `bcplan: 1
plan: { id: p }
roles:
  - { id: lead, primary: 7, deputies: ben }
  - nonsense
providers: { not: a list }
contacts:
  - { id: 7 }
  - { id: ben }
  - { name: No Id }
  - { id: 8 }
`,
    findings: [{ line: 11, message: 'contact 8 is not named' }],
  },
]);
