import { testRule } from '../helpers/rule-tester.js';

const levels = `  likelihood:
    - { level: 1, label: rare }
    - { level: 2, label: possible }
    - { level: 3, label: likely }
  impact:
    - { level: 1, label: minor }
    - { level: 2, label: major }
`;

testRule('matrix-incomplete', [
  {
    name: 'does not fire on the default matrix or on classes that reach the highest score exactly',
    plan: `bcplan: 1
plan: { id: p }
riskMatrix:
${levels}  classes:
    - { id: low, label: low, upTo: 2, acceptable: true }
    - { id: high, label: high, upTo: 6, acceptable: false }
`,
    findings: [],
  },
  {
    name: 'fires when the classes stop one below the highest score, at the top upTo',
    plan: `bcplan: 1
plan: { id: p }
riskMatrix:
${levels}  classes:
    - { id: low, label: low, upTo: 2, acceptable: true }
    - id: high
      label: high
      upTo: 5
      acceptable: false
`,
    findings: [
      {
        line: 15,
        pointer: '/riskMatrix/classes/1/upTo',
        message:
          'riskMatrix.classes reach only score 5 (class high) but the highest score is 6 (likelihood 3 × impact 2): raise the upTo of the last class to 6 or add a class',
      },
    ],
  },
  {
    name: 'without a grid every class needs upTo',
    plan: `bcplan: 1
plan: { id: p }
riskMatrix:
${levels}  classes:
    - { id: low, label: low, upTo: 2, acceptable: true }
    - { id: high, label: high, acceptable: false }
`,
    findings: [
      { line: 13, pointer: '/riskMatrix/classes/1/id', message: 'class high has no upTo' },
      { line: 12, message: 'reach only score 2 (class low) but the highest score is 6' },
    ],
  },
  {
    name: 'a well-formed grid needs no upTo',
    plan: `bcplan: 1
plan: { id: p }
riskMatrix:
${levels}  classes:
    - { id: low, label: low, acceptable: true }
    - { id: high, label: high, acceptable: false }
  grid:
    - [low, low]
    - [low, high]
    - [high, high]
`,
    findings: [],
  },
  {
    name: 'a grid with a missing row, a short row and an unknown class',
    plan: `bcplan: 1
plan: { id: p }
riskMatrix:
${levels}  classes:
    - { id: low, label: low, acceptable: true }
    - { id: high, label: high, acceptable: false }
  grid:
    - [low, hihg]
    - [low]
`,
    findings: [
      {
        line: 14,
        pointer: '/riskMatrix/grid',
        message: 'riskMatrix.grid has 2 rows but the matrix has 3 likelihood levels',
      },
      {
        line: 15,
        pointer: '/riskMatrix/grid/0/1',
        message:
          'riskMatrix.grid row 1 (likelihood 1), cell 2: hihg is not a class of riskMatrix.classes: use one of low and high',
      },
      {
        line: 16,
        pointer: '/riskMatrix/grid/1',
        message: 'row 2 (likelihood 2) has 1 cell but the matrix has 2 impact levels',
      },
    ],
  },
  {
    name: 'schema-broken data: non-list grid, classes and levels are left to the schema',
    plan: `bcplan: 1
plan: { id: p }
riskMatrix:
  likelihood: three
  impact: [{ level: 1 }, 7]
  classes: [low, { id: high, upTo: "6" }]
`,
    findings: [],
  },
  {
    name: 'an empty class list is reported at classes',
    plan: `bcplan: 1
plan: { id: p }
riskMatrix:
${levels}  classes: []
`,
    findings: [
      {
        line: 11,
        pointer: '/riskMatrix/classes',
        message: 'riskMatrix.classes is empty: add classes with upTo up to 6',
      },
    ],
  },
]);
