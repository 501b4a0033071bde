import { testRule } from '../helpers/rule-tester.js';

// Default matrix: 3 × 4 = 12 is "high", not acceptable. The scenario id is on line 5.
const plan = (exercises: string, likelihood = 3, impact = 4) => `bcplan: 1
plan: { id: p }
roles: []
scenarios:
  - id: provider-outage
    title: Ausfall
    likelihood: ${likelihood}
    impact: ${impact}
    owner: vendor-manager
exercises:
${exercises}
`;
const ex = (date: string, scenarios = '[provider-outage]') =>
  `  - { date: ${date}, kind: tabletop, scenarios: ${scenarios} }`;

testRule('exercise-overdue', [
  {
    name: 'fires on a not-acceptable scenario never exercised',
    plan: plan('  []'),
    findings: [
      {
        line: 5,
        column: 9,
        pointer: '/scenarios/0/id',
        message:
          'scenario provider-outage (risk high, not acceptable) has never been exercised: hold a tabletop, simulation or full exercise of it and record it under exercises with scenarios: [provider-outage]',
      },
    ],
  },
  { name: 'does not fire when exercised this year', plan: plan(ex('2026-05-12')), findings: [] },
  {
    name: 'exactly 12 months after the exercise it is not overdue yet',
    plan: plan(ex('2025-11-22')),
    findings: [],
  },
  {
    name: 'one day later it is',
    plan: plan(ex('2025-11-21')),
    findings: [
      {
        line: 5,
        message: 'was last exercised 2025-11-21, 366 days ago (due every 12 months, so since 2026-11-21)',
      },
    ],
  },
  {
    name: 'the latest exercise counts, wherever it is in the list',
    plan: plan(`${ex('2024-01-01')}\n${ex('2026-03-01')}\n${ex('2025-01-01')}`),
    findings: [],
  },
  {
    name: 'an exercise of another scenario does not count',
    plan: plan(ex('2026-05-12', '[other]')),
    findings: [{ line: 5, message: 'has never been exercised' }],
  },
  {
    name: 'an exercise in the future does not count (verified-in-future reports it)',
    plan: plan(ex('2027-01-10')),
    findings: [{ line: 5, message: 'has never been exercised' }],
  },
  {
    name: 'an acceptable scenario (2 × 2 = 4, low) needs no exercise',
    plan: plan('  []', 2, 2),
    findings: [],
  },
  {
    name: 'leap day: exercised 2024-02-29 is due 2025-02-28 and overdue on 2025-03-01',
    plan: plan(ex('2024-02-29')),
    asOf: '2025-03-01',
    findings: [{ line: 5, message: 'so since 2025-02-28' }],
  },
  {
    name: 'the plan’s own matrix grid decides the class',
    plan: `bcplan: 1
plan: { id: p }
riskMatrix:
  likelihood: [{ level: 1, label: low }, { level: 2, label: high }]
  impact: [{ level: 1, label: low }, { level: 2, label: high }]
  classes:
    - { id: ok, label: tragbar, acceptable: true }
    - { id: bad, label: untragbar, acceptable: false }
  grid:
    - [ok, bad]
    - [ok, ok]
scenarios:
  - { id: a, title: A, likelihood: 1, impact: 2, owner: r }
  - { id: b, title: B, likelihood: 2, impact: 2, owner: r }
`,
    findings: [{ line: 13, message: 'scenario a (risk untragbar, not acceptable) has never been exercised' }],
  },
  {
    name: 'unknown levels and schema-broken scenarios and exercises draw nothing here',
    plan: `bcplan: 1
plan: { id: p }
scenarios:
  - { id: a, likelihood: 9, impact: 9 }
  - { likelihood: 5, impact: 5 }
  - scenario
exercises:
  - { date: not-a-date, scenarios: [a] }
  - { date: 2026-01-01, scenarios: a }
  - 7
`,
    findings: [],
  },
]);
