import { testRule } from '../helpers/rule-tester.js';

testRule('single-provider', [
  {
    name: 'fires on a high and a critical service with one provider, at the service id',
    plan: `bcplan: 1
plan: { id: p }
services:
  - { id: hotline, name: Hotline, criticality: critical }
  - id: email-support
    name: E-Mail
    criticality: high
providers:
  - { id: cc-bergen, name: Fjord, services: [hotline, email-support] }
`,
    findings: [
      {
        line: 4,
        pointer: '/services/0/id',
        message:
          'service hotline (critical) has 1 provider (cc-bergen); high and critical services need at least 2 providers',
      },
      {
        line: 5,
        column: 9,
        message:
          'service email-support (high) has 1 provider (cc-bergen); high and critical services need at least 2 providers at different sites',
      },
    ],
  },
  {
    name: 'does not fire on two providers, a medium service with one, or a service run in-house',
    plan: `bcplan: 1
plan: { id: p }
services:
  - { id: hotline, criticality: critical }
  - { id: chat, criticality: medium }
  - { id: payroll, criticality: critical }
providers:
  - { id: a, services: [hotline, chat] }
  - { id: b, services: [hotline] }
`,
    findings: [],
  },
  {
    name: 'minProviders overrides the default, both ways',
    plan: `bcplan: 1
plan: { id: p }
services:
  - { id: hotline, criticality: critical, minProviders: 1 }
  - { id: chat, criticality: low, minProviders: 3 }
providers:
  - { id: a, services: [hotline, chat] }
  - { id: b, services: [chat] }
`,
    findings: [
      {
        line: 5,
        message: 'service chat (low) has 2 providers (a and b); its minProviders is 3: add 1 provider',
      },
    ],
  },
  {
    name: 'a provider listing a service twice counts once; a duplicated provider id counts once',
    plan: `bcplan: 1
plan: { id: p }
services:
  - { id: hotline, criticality: high }
providers:
  - { id: a, services: [hotline, hotline] }
  - { id: a, services: [hotline] }
`,
    findings: [{ line: 4, message: 'has 1 provider (a)' }],
  },
  {
    name: 'schema-broken data: services as a string, bad minProviders, providers without ids',
    plan: `bcplan: 1
plan: { id: p }
services:
  - { id: hotline, criticality: critical, minProviders: "2" }
  - { criticality: critical }
  - { id: 42, criticality: high }
providers:
  - { id: a, services: hotline }
  - { services: [hotline] }
  - { id: b, services: [42] }
  - oops
`,
    findings: [
      { line: 4, message: 'service hotline (critical) has 1 provider (a)' },
      { line: 6, message: 'service 42 (high) has 1 provider (b)' },
    ],
  },
]);
