import { testRule } from '../helpers/rule-tester.js';

const matrix = `riskMatrix:
  likelihood:
    - { level: 1, label: selten }
    - { level: 2, label: möglich }
    - { level: 3, label: häufig }
  impact:
    - { level: 1, label: gering }
    - { level: 2, label: erheblich }
  classes:
    - { id: low, label: gering, upTo: 2, acceptable: true }
    - { id: high, label: hoch, upTo: 6, acceptable: false }
`;

testRule('unknown-level', [
  {
    name: 'does not fire for levels of the default 5 × 5 matrix, edges included',
    plan: `bcplan: 1
plan: { id: p }
scenarios:
  - { id: a, likelihood: 1, impact: 1 }
  - { id: b, likelihood: 5, impact: 5 }
`,
    findings: [],
  },
  {
    name: 'fires just past the default matrix and at zero',
    plan: `bcplan: 1
plan: { id: p }
scenarios:
  - { id: a, likelihood: 6, impact: 3 }
  - { id: b, likelihood: 2, impact: 0 }
`,
    findings: [
      {
        line: 4,
        pointer: '/scenarios/0/likelihood',
        message:
          'scenario a: likelihood 6 is not a likelihood level of the default matrix: use one of 1–5 (1 rare, 2 unlikely, 3 possible, 4 likely, 5 almost certain)',
      },
      { line: 5, pointer: '/scenarios/1/impact', message: 'scenario b: impact 0 is not an impact level' },
    ],
  },
  {
    name: "checks against the plan's own matrix and suggests the number for a label",
    plan: `bcplan: 1
plan: { id: p, language: de }
${matrix}scenarios:
  - { id: a, likelihood: 3, impact: 3 }
  - { id: b, likelihood: Möglich, impact: 2 }
  - { id: c, likelihood: 3, impact: 2.5 }
`,
    findings: [
      {
        line: 15,
        message:
          'scenario a: impact 3 is not an impact level of riskMatrix: use one of 1–2 (1 gering, 2 erheblich)',
      },
      {
        line: 16,
        message:
          'scenario b: likelihood "Möglich" is not a likelihood level of riskMatrix: write the level number 2 instead of its label',
      },
      { line: 17, message: 'impact 2.5' },
    ],
  },
  {
    name: 'the default matrix speaks the plan language',
    plan: `bcplan: 1
plan: { id: p, language: nb }
scenarios:
  - { id: brann, likelihood: 9, impact: 1 }
`,
    findings: [{ line: 4, message: '1 sjelden, 2 usannsynlig' }],
  },
  {
    name: 'schema-broken data: missing, null, boolean and object levels are left to the schema',
    plan: `bcplan: 1
plan: { id: p }
scenarios:
  - { id: a }
  - { id: b, likelihood: null, impact: true }
  - { id: c, likelihood: { level: 2 }, impact: [1] }
  - not a scenario
`,
    findings: [],
  },
  {
    name: 'a matrix without usable levels is matrix-incomplete, not a level problem',
    plan: `bcplan: 1
plan: { id: p }
riskMatrix: { likelihood: oops, impact: [], classes: [] }
scenarios:
  - { id: a, likelihood: 2, impact: 2 }
`,
    findings: [],
  },
]);
