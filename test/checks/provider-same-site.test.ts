import { testRule } from '../helpers/rule-tester.js';

testRule('provider-same-site', [
  {
    name: 'fires when both providers of a critical service share city and country',
    plan: `bcplan: 1
plan: { id: p }
services:
  - { id: hotline, criticality: critical }
providers:
  - { id: a, services: [hotline], site: { city: Bergen, country: NO } }
  - { id: b, services: [hotline], site: { city: " bergen ", country: "NO" } }
`,
    findings: [
      {
        line: 4,
        pointer: '/services/0/id',
        message: 'service hotline: both providers (a and b) are in Bergen, NO, so one local event',
      },
    ],
  },
  {
    name: 'does not fire for different cities, or different countries with one city name',
    plan: `bcplan: 1
plan: { id: p }
services:
  - { id: hotline, criticality: critical }
  - { id: mail, criticality: high }
providers:
  - { id: a, services: [hotline, mail], site: { city: Bergen, country: NO } }
  - { id: b, services: [hotline], site: { city: Oslo, country: NO } }
  - { id: c, services: [mail], site: { city: Bergen, country: DE } }
`,
    findings: [],
  },
  {
    name: 'only services that need two or more providers are checked',
    plan: `bcplan: 1
plan: { id: p }
services:
  - { id: chat, criticality: medium }
  - { id: web, criticality: low, minProviders: 2 }
providers:
  - { id: a, services: [chat, web], site: { city: Lisboa, country: PT } }
  - { id: b, services: [chat, web], site: { city: Lisboa, country: PT } }
`,
    findings: [{ line: 5, message: 'service web: both providers (a and b) are in Lisboa, PT' }],
  },
  {
    name: 'one provider is left to single-provider',
    plan: `bcplan: 1
plan: { id: p }
services:
  - { id: hotline, criticality: critical }
providers:
  - { id: a, services: [hotline], site: { city: Bergen, country: NO } }
`,
    findings: [],
  },
  {
    name: 'schema-broken data: a provider without a readable site makes the check skip',
    plan: `bcplan: 1
plan: { id: p }
services:
  - { id: hotline, criticality: critical }
  - { id: mail, criticality: critical }
providers:
  - { id: a, services: [hotline, mail], site: { city: Bergen, country: NO } }
  - { id: b, services: [hotline], site: Bergen }
  - { id: c, services: [mail], site: { city: Bergen, country: 47 } }
`,
    findings: [],
  },
  {
    name: 'providers from an imported fragment count; the finding stays on the service',
    plan: `bcplan: 1
imports: [providers.yaml]
plan: { id: p }
services:
  - { id: hotline, criticality: critical }
`,
    files: {
      'providers.yaml': `bcplan: 1
providers:
  - { id: a, services: [hotline], site: { city: Århus, country: DK } }
  - { id: b, services: [hotline], site: { city: Århus, country: DK } }
`,
    },
    findings: [{ line: 5, message: 'are in Århus, DK' }],
  },
]);
