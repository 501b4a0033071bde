import { testRule } from '../helpers/rule-tester.js';

testRule('provider-same-country', [
  {
    name: 'fires when all providers are at different sites in one country',
    plan: `bcplan: 1
plan: { id: p }
services:
  - { id: hotline, criticality: critical }
providers:
  - { id: a, services: [hotline], site: { city: Bergen, country: NO } }
  - { id: b, services: [hotline], site: { city: Oslo, country: NO } }
`,
    findings: [
      {
        line: 4,
        pointer: '/services/0/id',
        message: 'service hotline: both providers are in one country, NO (a in Bergen, b in Oslo)',
      },
    ],
  },
  {
    name: 'does not fire when one provider is abroad, nor when all share one site (provider-same-site)',
    plan: `bcplan: 1
plan: { id: p }
services:
  - { id: hotline, criticality: critical }
  - { id: mail, criticality: high }
providers:
  - { id: a, services: [hotline, mail], site: { city: Bergen, country: NO } }
  - { id: b, services: [hotline], site: { city: Oslo, country: NO } }
  - { id: c, services: [hotline], site: { city: Lisboa, country: PT } }
  - { id: d, services: [mail], site: { city: Bergen, country: NO } }
`,
    findings: [],
  },
  {
    name: 'three providers, one site shared by two, all in one country: fires; low services are not checked',
    plan: `bcplan: 1
plan: { id: p }
services:
  - { id: chat, criticality: low }
  - { id: mail, criticality: high }
providers:
  - { id: a, services: [chat, mail], site: { city: Köln, country: DE } }
  - { id: b, services: [chat, mail], site: { city: Berlin, country: de } }
  - { id: c, services: [mail], site: { city: Köln, country: DE } }
`,
    findings: [{ line: 5, message: 'one country, DE (a in Köln, b in Berlin, c in Köln)' }],
  },
  {
    name: 'schema-broken data: missing country or site skips the service',
    plan: `bcplan: 1
plan: { id: p }
services:
  - { id: hotline, criticality: critical }
providers:
  - { id: a, services: [hotline], site: { city: Bergen } }
  - { id: b, services: [hotline], site: { city: Oslo, country: NO } }
  - { id: c, services: hotline, site: [Oslo] }
`,
    findings: [],
  },
]);
