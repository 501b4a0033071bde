import { testRule } from '../helpers/rule-tester.js';

testRule('provider-same-company', [
  {
    name: 'fires when two providers of one service have the same name',
    plan: `bcplan: 1
plan: { id: p }
services:
  - { id: hotline, criticality: critical }
providers:
  - { id: cc-bergen, name: Fjord Kundeservice AS, services: [hotline] }
  - { id: cc-oslo, name: "fjord  kundeservice AS", services: [hotline] }
`,
    findings: [
      {
        line: 4,
        pointer: '/services/0/id',
        message:
          'service hotline: providers cc-bergen and cc-oslo are the same company, Fjord Kundeservice AS',
      },
    ],
  },
  {
    name: 'does not fire for different names, or one company serving different services',
    plan: `bcplan: 1
plan: { id: p }
services:
  - { id: hotline, criticality: critical }
  - { id: mail, criticality: low }
providers:
  - { id: a, name: Fjord Kundeservice AS, services: [hotline] }
  - { id: b, name: Atlântico Contact SA, services: [hotline] }
  - { id: c, name: Fjord Kundeservice AS, services: [mail] }
`,
    findings: [],
  },
  {
    name: 'three of one company are one finding; a low service is checked too',
    plan: `bcplan: 1
plan: { id: p }
services:
  - { id: chat, criticality: low }
providers:
  - { id: a, name: Acme, services: [chat] }
  - { id: b, name: Other, services: [chat] }
  - { id: c, name: ACME, services: [chat] }
  - { id: d, name: acme, services: [chat] }
`,
    findings: [{ line: 4, message: 'providers a, c and d are the same company, Acme' }],
  },
  {
    name: 'schema-broken data: missing or non-text names are not compared',
    plan: `bcplan: 1
plan: { id: p }
services:
  - { id: chat }
providers:
  - { id: a, services: [chat] }
  - { id: b, services: [chat] }
  - { id: c, name: 7, services: [chat] }
  - { id: d, name: 7, services: [chat] }
  - { id: e, name: "", services: [chat] }
  - { id: f, name: "", services: [chat] }
`,
    findings: [],
  },
]);
