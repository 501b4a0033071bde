import { testRule } from '../helpers/rule-tester.js';

testRule('rto-exceeds-mtpd', [
  {
    name: 'fires at the rto when it is longer than the mtpd',
    plan: `bcplan: 1
plan: { id: p }
services:
  - id: hotline
    rto: P2D
    mtpd: P1D
`,
    findings: [
      {
        line: 5,
        column: 10,
        pointer: '/services/0/rto',
        message:
          'service hotline: rto P2D is longer than its mtpd P1D, so recovery would end after the disruption became intolerable: shorten the rto to at most P1D, or correct the mtpd',
      },
    ],
  },
  {
    name: 'does not fire when equal (the edge) or shorter, across units',
    plan: `bcplan: 1
plan: { id: p }
services:
  - { id: a, rto: PT24H, mtpd: P1D }
  - { id: b, rto: PT4H, mtpd: P3D }
  - { id: c, rto: P1M, mtpd: P30D }
`,
    findings: [],
  },
  {
    name: 'one minute over, in different units',
    plan: `bcplan: 1
plan: { id: p }
services:
  - { id: a, rto: PT1441M, mtpd: P1D }
  - { id: b, rto: P5W, mtpd: P1M }
`,
    findings: [
      { line: 4, message: 'service a: rto PT1441M is longer than its mtpd P1D' },
      { line: 5, message: 'service b: rto P5W' },
    ],
  },
  {
    name: 'schema-broken data: informal or missing durations are left to the schema',
    plan: `bcplan: 1
plan: { id: p }
services:
  - { id: a, rto: 4 days, mtpd: P1D }
  - { id: b, rto: P2D }
  - { id: c, rto: 5, mtpd: 1 }
  - { rto: P2D, mtpd: PT1H }
  - nonsense
`,
    findings: [
      { line: 7, pointer: '/services/3/rto', message: 'services[3]: rto P2D is longer than its mtpd PT1H' },
    ],
  },
]);
