import { describe, expect, it } from 'vitest';
import type { SecretKind } from '../../src/checks/messages/types.js';
import { findSecrets, maskSecrets } from '../../src/checks/secret-in-plan.js';
import { runRule, testRule } from '../helpers/rule-tester.js';

// Test tokens are assembled at run time so the source file itself does not look like a leak.
const ghp = `ghp_${'a1B2c3D4e5F6g7H8i9J0'}${'k1L2m3N4o5P6q7R8'}`;
const jwt = [
  'eyJhbGciOiJIUzI1NiJ9',
  'eyJzdWIiOiIxMjM0NTY3ODkwIn0',
  'dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U',
].join('.');

const positives: [string, SecretKind][] = [
  ['Passwort: Sommer2026!', 'password'],
  ['password=hunter2', 'password'],
  ['PIN 1234', 'pin'],
  ['PIN-Code: 0815', 'pin'],
  ['Notfall-PIN 987654', 'pin'],
  ['pincode: 2580', 'password'],
  ['Kennwort: Fr3iheit#', 'password'],
  ['Admin-Passwort: Xy7!abc', 'password'],
  ['Routerpasswort = k8#Lm2', 'password'],
  ['The password is Welcome1', 'password'],
  ['Das Passwort für den Router lautet Sommer2026', 'password'],
  ['Zugangscode für Tür 3: 4711', 'password'],
  ['Passwort: "Sommerwind"', 'password'],
  ['password: hunTer', 'password'],
  ['pwd: abc123', 'password'],
  ['passord: Vinter2025!', 'password'],
  ['adgangskode=Sommer2026', 'password'],
  ['kodeord: Hemmelig1', 'password'],
  ['wachtwoord: Welkom01!', 'password'],
  ['Login: admin / Sommer2026!', 'login'],
  ['Zugangsdaten: root / Tr0ub4dor&3', 'login'],
  ['Bei Ausfall: Notfallzugang mit Kennwort Xk9#22ab nutzen', 'password'],
  ['-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA\n-----END RSA PRIVATE KEY-----', 'private-key'],
  ['-----BEGIN OPENSSH PRIVATE KEY-----', 'private-key'],
  ['-----BEGIN PGP PRIVATE KEY BLOCK-----', 'private-key'],
  [`AKIA${'IOSFODNN7EXAMPLE'}`, 'aws-key-id'],
  [ghp, 'github-token'],
  [`github_pat_${'11ABCDEFG0123456789_abcdefghijklmnop'}`, 'github-token'],
  [`xoxb-${'1234567890-abcdefghij'}`, 'slack-token'],
  [`AIza${'SyA1234567890abcdefghijklmnopqrstuv'}`, 'google-key'],
  [jwt, 'jwt'],
  [`sk_live_${'4eC39HqLyjWDarjtT1zdp7dc'}`, 'stripe-key'],
  ['api_key=9f8e7d6c5b4a39281706f5e4d3c2b1a0', 'api-token'],
  ['token: Zk3Jq8Lm2Xp9Rt5Vw1Yb', 'api-token'],
  ['Authorization: Bearer Zk3Jq8Lm2Xp9Rt5Vw1Yb', 'api-token'],
  ['https://admin:S3cret!@portal.example.com/', 'url-password'],
];

// Sentences that say where a credential is kept, or talk about credentials without holding one.
const negatives = [
  'Tresor Büro 2.14, Umschlag R-1',
  'Passwort liegt im Tresor',
  'Passwort liegt im Tresor: Fach 3',
  'password in KeePass entry X',
  'password: see 1Password vault "Ops"',
  'PIN im Umschlag',
  'PIN: siehe Umschlag R-1',
  'PIN: 4-stellig, im Umschlag',
  'PIN-Brief liegt bei der Geschäftsführung',
  'The PIN for the door is in the envelope',
  'Passwort: siehe KeePass',
  'Passwort: KeePass-Eintrag "Routing"',
  'Passwort: Tresor-Fach 3',
  'Kennwort: im Tresor, Fach 3',
  'Kennwort: beim Notfallbeauftragten',
  'The password is kept in KeePass',
  'password is in the safe',
  'password: LastPass',
  'Das Passwort für den Router ist im Tresor',
  'passord: i safen på kontoret',
  'adgangskode: ligger i pengeskabet',
  'wachtwoord: in de kluis',
  'Passwort vergessen: 0800 123456',
  'Passwort ändern. Hotline: 0800 1234567',
  'Passwort-Reset: 0800 123456',
  'Passwort zurücksetzen: Servicedesk 4711',
  'Passwort: 12-stellig',
  'Passwörter alle 90 Tage ändern',
  'password rotation every 90 days',
  'Passwort 2024 geändert',
  'Kein Passwort nötig.',
  'Kennwort: vorhanden',
  'password: unknown',
  'Passwort: ***',
  'password: <secret>',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a placeholder as people write it
  'password: ${DB_PASSWORD}',
  'Login: https://portal.example.com',
  'Login: admin',
  'Zugangsdaten: im Tresor',
  'token: see vault',
  'api key is stored in Vault',
  'secret: customer-service-plan-2026',
  'routing-password-lost',
  'Notfallzugang aus dem Tresor verwenden',
  'BU-2024-118-77',
  'https://portal.example.com/login',
  'mailto:it@example.com',
  'Opinion 1234',
];

describe('findSecrets', () => {
  it.each(positives)('finds %j', (text, kind) => {
    const hits = findSecrets(text);
    expect(hits.map((h) => h.kind)).toContain(kind);
  });

  it.each(negatives.map((t) => [t]))('leaves %j alone', (text) => {
    expect(findSecrets(text)).toEqual([]);
  });

  it.each(positives)('never shows the secret of %j', (text) => {
    for (const hit of findSecrets(text)) {
      expect(hit.masked).toContain('****');
      for (const secret of [
        'Sommer2026',
        'hunter2',
        '1234',
        'Fr3iheit',
        'Xk9#22ab',
        'S3cret',
        'Zk3Jq8',
        'IOSFODNN',
      ]) {
        expect(hit.masked).not.toContain(secret);
      }
    }
  });
});

describe('maskSecrets', () => {
  it.each(positives)('masks %j so that nothing is left to find', (text) => {
    const masked = maskSecrets(text);
    expect(masked).toContain('****');
    expect(findSecrets(masked)).toEqual([]);
    for (const secret of ['Sommer2026', 'hunter2', '1234', 'Fr3iheit', 'S3cret', 'IOSFODNN', ghp.slice(4)]) {
      if (text.includes(secret)) expect(masked).not.toContain(secret);
    }
  });

  it.each(negatives.map((t) => [t]))('leaves %j as it is', (text) => {
    expect(maskSecrets(text)).toBe(text);
  });

  it('keeps the words around a credential and a format’s public prefix', () => {
    expect(maskSecrets('VPN Passwort: Geheim123! (neu seit Mai)')).toBe('VPN Passwort: **** (neu seit Mai)');
    expect(maskSecrets('contact `Kennwort: Fr3iheit#` does not exist')).toBe(
      'contact `Kennwort: ****` does not exist',
    );
    expect(maskSecrets('Login: admin / "Sommer 2026"')).toBe('Login: admin / "****"');
    expect(maskSecrets(`GitHub (CI): ${ghp}, rotated`)).toBe('GitHub (CI): ghp_****, rotated');
    // Two patterns overlap here (a GitHub token, and a random value after "token"): the union goes.
    expect(maskSecrets(`not \`token ${ghp}\`: use one of`)).toBe('not `token ****`: use one of');
    expect(maskSecrets('see https://admin:Hunter2x@portal.example.com/x')).toBe(
      'see https://admin:****@portal.example.com/x',
    );
    expect(maskSecrets('PIN 1234 and PIN 5678')).toBe('PIN **** and PIN ****');
  });
});

const plan = (access: string) => `bcplan: 1
plan: { id: p }
access:
  - id: routing-portal
    system: Routing-Portal
${access}
    holders: [it-oncall]
    verified: 2026-01-15
`;

testRule('secret-in-plan', [
  {
    name: 'fires on a password written into the vault sentence',
    plan: plan('    vault: "Tresor Büro 2.14, Passwort: Sommer2026!"'),
    findings: [
      {
        line: 6,
        column: 12,
        pointer: '/access/0/vault',
        message:
          /^access\[0\]\.vault holds a password \(Passwort: \*\*\*\*\): remove it and write only where it is kept/,
      },
    ],
  },
  {
    name: 'does not fire on the vault sentence that says where the credential is',
    plan: plan('    vault: "Tresor Büro 2.14, Umschlag R-1"'),
    findings: [],
  },
  {
    name: 'a key named like a credential: its value is the secret (and 0815 stays 0815)',
    plan: plan('    vault: Tresor\n    password: hunter22\n    pin: 0815\n    adminPassword: im Tresor'),
    findings: [
      {
        line: 7,
        pointer: '/access/0/password',
        message: 'access[0].password holds a password (password: ****)',
      },
      { line: 8, pointer: '/access/0/pin', message: 'access[0].pin holds a PIN (pin: ****)' },
    ],
  },
  {
    name: 'a credential in a key is reported at the key',
    plan: 'bcplan: 1\nplan:\n  id: p\n  "PIN 4711": x\n',
    findings: [{ line: 4, column: 3, message: 'the key plan.PIN **** holds a PIN (PIN ****)' }],
  },
  {
    name: 'one finding per value, naming every kind found',
    plan: `bcplan: 1\nplan:\n  id: p\n  notes: "PIN 4711, ${ghp}"\n`,
    findings: [{ line: 4, message: 'holds a GitHub token and a PIN (ghp_****, PIN ****)' }],
  },
  {
    name: 'a private key block in a literal block scalar',
    plan: `bcplan: 1
plan: { id: p }
scenarios:
  - id: s
    description: |
      Schlüssel für den Notfall:
      -----BEGIN EC PRIVATE KEY-----
      MHcCAQEEIBkg
      -----END EC PRIVATE KEY-----
`,
    findings: [{ line: 5, message: 'holds a private key (-----BEGIN EC PRIVATE KEY----- ****)' }],
  },
  {
    name: 'scans imported fragments and points into them',
    plan: 'bcplan: 1\nimports: [contacts.yaml]\nplan: { id: p }\n',
    files: {
      'contacts.yaml':
        'bcplan: 1\ncontacts:\n  - id: a\n    name: "A (PIN 2580)"\n    verified: 2026-01-01\n',
    },
    findings: [{ line: 4, file: 'contacts.yaml', message: 'contacts[0].name holds a PIN' }],
  },
  {
    name: 'runs on a fragment validated on its own',
    plan: 'bcplan: 1\naccess:\n  - id: vpn\n    vault: "Kennwort: Fr3iheit#"\n',
    findings: [{ line: 4, message: 'access[0].vault holds a password' }],
  },
  {
    name: 'the contact-center example has no secret (Tresor, Umschlag, routing-password-lost)',
    plan: `bcplan: 1
plan: { id: customer-service, distribution: [Krisenstab (gedruckt, Tresor Büro 2.14)] }
scenarios:
  - id: routing-password-lost
    title: Zugang zum Routing-Portal nicht möglich
    measures:
      respond:
        - { action: Notfallzugang aus dem Tresor verwenden, owner: it-oncall, within: PT30M }
access:
  - { id: routing-portal, vault: "Tresor Büro 2.14, Umschlag R-1", verified: 2026-01-15 }
insurance: [{ policy: BU-2024-118-77 }]
`,
    findings: [],
  },
  {
    name: 'schema-broken and odd documents do not throw',
    plan: 'bcplan: 1\nplan: &a\n  id: p\n  x: *a\nlist: [[1, [2, {k: v}]], null, true, 3.5]\n? [complex, key]\n: value\n',
    findings: [],
  },
]);

describe('secret-in-plan messages', () => {
  it('never echo the secret', () => {
    const found = runRule('secret-in-plan', {
      plan: plan('    vault: "Passwort: Sommer2026!, PIN 4711, Login: root / Tr0ub4dor&3"'),
    });
    expect(found).toHaveLength(1);
    for (const secret of ['Sommer2026', '4711', 'Tr0ub4dor', 'root /']) {
      expect(found[0]!.message).not.toContain(secret);
    }
  });
});
