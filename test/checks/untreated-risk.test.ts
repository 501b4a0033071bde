import { testRule } from '../helpers/rule-tester.js';

const steps = `      prevent: [{ action: a, owner: r }]
      respond: [{ action: b, owner: r }]
      recover: [{ action: c, owner: r }]
`;

testRule('untreated-risk', [
  {
    name: 'fires on a not-acceptable scenario without a recover step (default matrix: 3 × 4 = 12, high)',
    plan: `bcplan: 1
plan: { id: p }
scenarios:
  - id: provider-outage
    likelihood: 3
    impact: 4
    measures:
      prevent: [{ action: a, owner: r }]
      respond: [{ action: b, owner: r }]
`,
    findings: [
      {
        line: 4,
        pointer: '/scenarios/0/id',
        message:
          'scenario provider-outage is rated high (likelihood 3, impact 4; not acceptable) but has no recover step: add one under measures.recover',
      },
    ],
  },
  {
    name: 'names every missing part; an empty list and no measures at all count as missing',
    plan: `bcplan: 1
plan: { id: p }
scenarios:
  - { id: fire, likelihood: 5, impact: 5, measures: { respond: [] } }
  - { id: flood, likelihood: 4, impact: 5 }
`,
    findings: [
      {
        line: 4,
        message:
          'is rated critical (likelihood 5, impact 5; not acceptable) but has no prevent, respond or recover steps: add them under measures.prevent, measures.respond and measures.recover',
      },
      { line: 5, message: 'scenario flood is rated critical' },
    ],
  },
  {
    name: 'does not fire on acceptable scenarios (edge: score 9 is medium) or on treated ones',
    plan: `bcplan: 1
plan: { id: p }
scenarios:
  - { id: minor, likelihood: 3, impact: 3 }
  - id: major
    likelihood: 2
    impact: 5
    measures:
${steps}`,
    findings: [],
  },
  {
    name: "the plan's grid decides the class, not the score",
    plan: `bcplan: 1
plan: { id: p }
riskMatrix:
  likelihood: [{ level: 1, label: rare }, { level: 2, label: often }]
  impact: [{ level: 1, label: small }, { level: 2, label: big }]
  classes:
    - { id: ok, label: ok, acceptable: true }
    - { id: bad, label: bad, acceptable: false }
  grid:
    - [ok, bad]
    - [ok, ok]
scenarios:
  - { id: rare-but-big, likelihood: 1, impact: 2 }
  - { id: often-and-big, likelihood: 2, impact: 2 }
`,
    findings: [{ line: 13, message: 'scenario rare-but-big is rated bad' }],
  },
  {
    name: 'schema-broken data: unknown levels are skipped, a step written as text counts, no id points at the entry',
    plan: `bcplan: 1
plan: { id: p }
scenarios:
  - { id: a, likelihood: 9, impact: 5 }
  - { id: b, likelihood: "5", impact: 5 }
  - { id: c, likelihood: 5, impact: 5, measures: { prevent: Sprinkler, respond: [x], recover: [{}] } }
  - { likelihood: 5, impact: 5, measures: oops }
`,
    findings: [{ line: 7, pointer: '/scenarios/3', message: 'scenarios[3] is rated critical' }],
  },
]);
