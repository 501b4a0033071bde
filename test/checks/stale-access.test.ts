import { testRule } from '../helpers/rule-tester.js';

// `verified` is on line 9.
const plan = (verified: string) => `bcplan: 1
plan: { id: p }
access:
  - id: routing-portal
    system: Routing-Portal
    vault: "Tresor Büro 2.14, Umschlag R-1"
    holders: [it-oncall]
    # checked with the vendor
    verified: ${verified}
`;

testRule('stale-access', [
  {
    name: 'fires on an access entry verified more than 12 months ago',
    plan: plan('2025-01-15'),
    findings: [
      {
        line: 9,
        column: 15,
        pointer: '/access/0/verified',
        message:
          /^access entry routing-portal was last verified 2025-01-15, 676 days ago \(limit 12 months, due 2026-01-15\): .*then run `bcplan verify \S*plan\.yaml routing-portal`$/,
      },
    ],
  },
  { name: 'does not fire on a fresh entry', plan: plan('2026-01-15'), findings: [] },
  { name: 'exactly on the due date it is not stale yet', plan: plan('2025-11-22'), findings: [] },
  {
    name: 'one day after the due date it is',
    plan: plan('2025-11-21'),
    findings: [{ line: 9, message: '366 days ago' }],
  },
  {
    name: 'month end with P1M: 2026-10-31 is due 2026-11-30 (not stale on 2026-11-30)',
    plan: plan('2026-10-31'),
    asOf: '2026-11-30',
    staleAfter: 'P1M',
    findings: [],
  },
  {
    name: 'month end with P1M: stale on 2026-12-01',
    plan: plan('2026-10-31'),
    asOf: '2026-12-01',
    staleAfter: 'P1M',
    findings: [{ line: 9, message: 'due 2026-11-30' }],
  },
  {
    name: 'a custom stale-after of P2Y keeps a 20-month-old check fresh',
    plan: plan('2025-03-22'),
    staleAfter: 'P2Y',
    findings: [],
  },
  {
    name: 'contacts are not access entries',
    plan: 'bcplan: 1\nplan: { id: p }\ncontacts:\n  - { id: a, phone: "1", verified: 2020-01-01 }\n',
    findings: [],
  },
  {
    name: 'schema-broken entries draw nothing and do not throw',
    plan: `bcplan: 1
plan: { id: p }
access:
  - id: a
    verified: yesterday
  - 42
  - id: b
    verified: [2020-01-01]
`,
    findings: [],
  },
  {
    name: 'in an imported fragment it points into the fragment',
    plan: 'bcplan: 1\nimports: [access.yaml]\nplan: { id: p }\n',
    files: { 'access.yaml': 'bcplan: 1\naccess:\n  - id: vpn\n    system: VPN\n    verified: 2024-01-01\n' },
    findings: [{ line: 5, file: 'access.yaml', message: /`bcplan verify \S*access\.yaml vpn`$/ }],
  },
]);
