import { testRule } from '../helpers/rule-tester.js';

testRule('no-deputy', [
  {
    name: 'fires at the role id when deputies is empty or missing',
    plan: `bcplan: 1
plan: { id: p }
roles:
  - id: it-oncall
    title: IT-Rufbereitschaft
    primary: max-braun
    deputies: []
  - { id: press, primary: eva }
`,
    findings: [
      {
        line: 4,
        column: 9,
        pointer: '/roles/0/id',
        message:
          'role it-oncall (IT-Rufbereitschaft) has no deputy: add at least one contact under deputies, so someone can act when max-braun is unavailable',
      },
      { line: 8, message: 'role press has no deputy' },
    ],
  },
  {
    name: 'does not fire with one deputy',
    plan: `bcplan: 1
plan: { id: p }
roles:
  - { id: lead, primary: anna, deputies: [ben] }
`,
    findings: [],
  },
  {
    name: 'roles in an imported fragment are reported in the fragment',
    plan: `bcplan: 1
imports: [roles.yaml]
plan: { id: p }
`,
    files: {
      'roles.yaml': `bcplan: 1
roles:
  - { id: lead, primary: anna, deputies: [ben] }
  - { id: driver, primary: ola, deputies: null }
`,
    },
    findings: [{ line: 4, file: 'roles.yaml', message: 'role driver has no deputy' }],
  },
  {
    name: 'schema-broken data: a single deputy as text counts; no id or primary still reports',
    plan: `bcplan: 1
plan: { id: p }
roles:
  - { id: a, primary: anna, deputies: ben }
  - { id: b, primary: anna, deputies: { name: ben } }
  - { title: Nameless }
`,
    findings: [
      {
        line: 6,
        pointer: '/roles/2',
        message:
          'roles[2] (Nameless) has no deputy: add at least one contact under deputies, so someone can act when the primary is unavailable',
      },
    ],
  },
]);
