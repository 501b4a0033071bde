import { testRule } from '../helpers/rule-tester.js';

testRule('deputy-is-primary', [
  {
    name: 'fires at the deputy entry that repeats the primary',
    plan: `bcplan: 1
plan: { id: p }
roles:
  - id: lead
    primary: anna
    deputies:
      - ben
      - anna
`,
    findings: [
      {
        line: 8,
        column: 9,
        pointer: '/roles/0/deputies/1',
        message: 'role lead: anna is its primary and also listed as a deputy',
      },
    ],
  },
  {
    name: 'does not fire when deputies are other people',
    plan: `bcplan: 1
plan: { id: p }
roles:
  - { id: lead, primary: anna, deputies: [ben, carla] }
  - { id: vice, primary: ben, deputies: [anna] }
`,
    findings: [],
  },
  {
    name: 'every repeat is reported, also in a flow list',
    plan: `bcplan: 1
plan: { id: p }
roles:
  - { id: lead, primary: anna, deputies: [anna, ben, anna] }
`,
    findings: [
      { line: 4, column: 43, message: 'role lead: anna' },
      { line: 4, column: 54, message: 'role lead: anna' },
    ],
  },
  {
    name: 'schema-broken data: a single deputy as text, numbers as ids, no primary',
    plan: `bcplan: 1
plan: { id: p }
roles:
  - { id: a, primary: anna, deputies: anna }
  - { id: b, primary: 7, deputies: [7] }
  - { id: c, deputies: [anna] }
  - { id: d, primary: [anna], deputies: [anna] }
`,
    findings: [
      { line: 4, pointer: '/roles/0/deputies', message: 'role a: anna is its primary' },
      { line: 5, pointer: '/roles/1/deputies/0', message: 'role b: 7 is its primary' },
    ],
  },
]);
