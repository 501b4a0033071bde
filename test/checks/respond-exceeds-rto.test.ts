import { testRule } from '../helpers/rule-tester.js';

testRule('respond-exceeds-rto', [
  {
    name: 'fires when the respond steps add up to more than the smallest rto of the services',
    plan: `bcplan: 1
plan: { id: p }
services:
  - { id: hotline, rto: PT1H }
  - { id: mail, rto: P1D }
scenarios:
  - id: provider-outage
    services: [mail, hotline]
    measures:
      respond:
        - { action: declare, owner: r, within: PT15M }
        - { action: reroute, owner: r, within: PT1H }
`,
    findings: [
      {
        line: 7,
        pointer: '/scenarios/0/id',
        message:
          'scenario provider-outage: its respond steps take PT1H15M (PT15M + PT1H), longer than the rto PT1H of service hotline',
      },
    ],
  },
  {
    name: 'does not fire when the sum equals the rto (the edge)',
    plan: `bcplan: 1
plan: { id: p }
services:
  - { id: hotline, rto: PT1H }
scenarios:
  - id: outage
    services: [hotline]
    measures:
      respond:
        - { action: declare, owner: r, within: PT15M }
        - { action: reroute, owner: r, within: PT45M }
`,
    findings: [],
  },
  {
    name: 'steps without within, services without rto and scenarios without services are not counted',
    plan: `bcplan: 1
plan: { id: p }
services:
  - { id: hotline }
  - { id: chat, rto: PT30M }
scenarios:
  - id: a
    services: [hotline]
    measures: { respond: [{ action: x, owner: r, within: P1D }] }
  - id: b
    measures: { respond: [{ action: x, owner: r, within: P1D }] }
  - id: c
    services: [chat]
    measures: { respond: [{ action: x, owner: r }, { action: y, owner: r, within: PT31M }] }
`,
    findings: [
      {
        line: 12,
        message: 'scenario c: its respond steps take PT31M, longer than the rto PT30M of service chat',
      },
    ],
  },
  {
    name: 'days and hours add up across units',
    plan: `bcplan: 1
plan: { id: p }
services:
  - { id: hotline, rto: P1D }
scenarios:
  - id: a
    services: [hotline]
    measures: { respond: [{ action: x, owner: r, within: PT23H }, { action: y, owner: r, within: PT2H }] }
`,
    findings: [{ line: 6, message: 'take P1DT1H (PT23H + PT2H), longer than the rto P1D' }],
  },
  {
    name: 'schema-broken data: informal durations, a string for services, non-list respond',
    plan: `bcplan: 1
plan: { id: p }
services:
  - { id: hotline, rto: 4h }
  - { id: mail, rto: PT1H }
scenarios:
  - { id: a, services: [hotline], measures: { respond: [{ within: 5h }] } }
  - { id: b, services: mail, measures: { respond: [{ within: PT2H }, oops, null] } }
  - { id: c, services: [mail], measures: { respond: { within: PT9H } } }
`,
    findings: [{ line: 8, message: 'scenario b: its respond steps take PT2H' }],
  },
]);
