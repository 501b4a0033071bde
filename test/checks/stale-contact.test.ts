import { testRule } from '../helpers/rule-tester.js';

// `verified` is on line 9.
const plan = (verified: string) => `bcplan: 1
plan:
  id: p
  title: T
contacts:
  - id: max-braun
    name: Max Braun
    phone: "+49 541 5550104"
    verified: ${verified}
`;

testRule('stale-contact', [
  {
    name: 'fires on a contact verified more than 12 months ago, with the day count and the verify command',
    plan: plan('2025-09-01'),
    findings: [
      {
        line: 9,
        column: 15,
        pointer: '/contacts/0/verified',
        message:
          /^contact max-braun was last verified 2025-09-01, 447 days ago \(limit 12 months, due 2026-09-01\): confirm the details, then run `bcplan verify \S*plan\.yaml max-braun`$/,
      },
    ],
  },
  { name: 'does not fire on a recently verified contact', plan: plan('2026-10-01'), findings: [] },
  {
    name: 'does not fire exactly on the due date (as-of = verified + 12 months)',
    plan: plan('2025-11-22'),
    findings: [],
  },
  {
    name: 'fires one day after the due date',
    plan: plan('2025-11-21'),
    findings: [{ line: 9, message: '366 days ago (limit 12 months, due 2026-11-21)' }],
  },
  {
    name: 'month end: 2025-01-31 + P1M is due 2025-02-28, not stale on that day',
    plan: plan('2025-01-31'),
    asOf: '2025-02-28',
    staleAfter: 'P1M',
    findings: [],
  },
  {
    name: 'month end: 2025-01-31 + P1M is stale on 2025-03-01',
    plan: plan('2025-01-31'),
    asOf: '2025-03-01',
    staleAfter: 'P1M',
    findings: [{ line: 9, message: '(limit 1 month, due 2025-02-28)' }],
  },
  {
    name: 'leap day: 2024-02-29 + P12M is due 2025-02-28',
    plan: plan('2024-02-29'),
    asOf: '2025-02-28',
    findings: [],
  },
  {
    name: 'leap day: stale on 2025-03-01',
    plan: plan('2024-02-29'),
    asOf: '2025-03-01',
    findings: [
      { line: 9, message: 'last verified 2024-02-29, 366 days ago (limit 12 months, due 2025-02-28)' },
    ],
  },
  {
    name: 'a custom stale-after of P6M',
    plan: plan('2026-05-01'),
    staleAfter: 'P6M',
    findings: [{ line: 9, message: '(limit 6 months, due 2026-11-01)' }],
  },
  {
    name: 'a verified date in the future is left to verified-in-future',
    plan: plan('2027-01-01'),
    findings: [],
  },
  {
    name: 'schema-broken data: malformed dates, entries that are not maps, a contact without id',
    plan: `bcplan: 1
plan: { id: p }
contacts:
  - id: a
    verified: last year
  - id: b
    verified: 2025-02-30
  - just a string
  - null
  - name: No Id
    verified: 2020-01-01
  - id: [x]
    verified: 2020-01-01
  - id: c
    verified: 20250101
`,
    findings: [],
  },
  {
    name: 'contacts that is not a list draws nothing',
    plan: 'bcplan: 1\nplan: { id: p }\ncontacts: { id: a, verified: 2020-01-01 }\n',
    findings: [],
  },
  {
    name: 'points into the imported fragment and names it in the verify command',
    plan: 'bcplan: 1\nimports: [shared/contacts.yaml]\nplan: { id: p }\n',
    files: {
      'shared/contacts.yaml': `bcplan: 1
contacts:
  - id: ok
    phone: "1"
    verified: 2026-10-01
  - id: old
    phone: "2"
    verified: 2024-05-05
`,
    },
    findings: [
      {
        line: 8,
        file: 'contacts.yaml',
        message: /run `bcplan verify \S*shared\/contacts\.yaml old`$/,
      },
    ],
  },
  {
    name: 'runs on a fragment validated on its own',
    plan: 'bcplan: 1\ncontacts:\n  - id: old\n    phone: "2"\n    verified: 2024-05-05\n',
    findings: [{ line: 5, message: 'contact old was last verified 2024-05-05' }],
  },
  {
    name: 'says nothing but the id and dates: no name, phone or email',
    plan: plan('2020-01-01'),
    findings: [{ line: 9, message: /^(?!.*(Max Braun|5550104)).*$/ }],
  },
]);
