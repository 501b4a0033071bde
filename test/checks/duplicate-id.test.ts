import { testRule } from '../helpers/rule-tester.js';

testRule('duplicate-id', [
  {
    name: 'fires on the later of two contacts with one id',
    plan: `bcplan: 1
contacts:
  - id: anna
    name: Anna Berg
  - id: anna
    name: Anna Lind
`,
    findings: [
      {
        line: 5,
        column: 9,
        pointer: '/contacts/1/id',
        message: 'contact id anna is already used by the contact at line 3: ids must be unique per kind',
      },
    ],
  },
  {
    name: 'does not fire when one id is used by entries of different kinds',
    plan: `bcplan: 1
roles:
  - { id: support, title: Support, primary: support }
contacts:
  - { id: support, name: Support desk }
services:
  - { id: support, name: Support }
scenarios:
  - { id: outage, title: Outage }
  - { id: outage-2, title: Outage 2 }
`,
    findings: [],
  },
  {
    name: 'reports every repeat against the first, per kind',
    plan: `bcplan: 1
scenarios:
  - { id: fire, title: Fire }
  - { id: fire, title: Fire again }
access:
  - { id: vpn, system: VPN }
  - { id: vpn, system: VPN 2 }
  - { id: fire, system: Fire alarm }
`,
    findings: [
      { line: 4, message: 'scenario id fire is already used by the scenario at line 3' },
      { line: 7, message: 'access entry id vpn is already used by the access entry at line 6' },
    ],
  },
  {
    name: 'a clash with an imported fragment points into the plan, naming the fragment',
    plan: `bcplan: 1
imports: [shared/contacts.yaml]
contacts:
  - id: ola
    name: Ola Nordmann
`,
    files: {
      'shared/contacts.yaml': `bcplan: 1
contacts:
  - id: kari
    name: Kari
  - id: ola
    name: Ola
`,
    },
    findings: [{ line: 4, message: /already used by the contact at .*shared\/contacts\.yaml line 5/ }],
  },
  {
    name: 'a duplicate inside a fragment points into the fragment',
    plan: `bcplan: 1
imports: [roles.yaml]
`,
    files: {
      'roles.yaml': `bcplan: 1
roles:
  - { id: lead, title: Lead, primary: a }
  - { id: lead, title: Lead, primary: b }
`,
    },
    findings: [
      { line: 4, file: 'roles.yaml', message: 'role id lead is already used by the role at line 3' },
    ],
  },
  {
    name: 'runs on a fragment validated on its own',
    plan: `bcplan: 1
providers:
  - { id: cc-oslo, name: A }
  - { id: cc-oslo, name: B }
`,
    findings: [{ line: 4, message: 'provider id cc-oslo' }],
  },
  {
    name: 'schema-broken data: a number id clashes with the same id quoted; missing ids and non-lists are skipped',
    plan: `bcplan: 1
services:
  - id: 2024
  - id: "2024"
  - name: no id
  - name: no id either
  - just a string
contacts: not a list
roles: [1, null, { id: null }, { id: { nested: true } }]
`,
    findings: [{ line: 4, message: 'service id 2024 is already used by the service at line 3' }],
  },
]);
