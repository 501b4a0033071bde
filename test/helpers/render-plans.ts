import { stringify } from 'yaml';

export interface LargePlanSize {
  contacts: number;
  scenarios: number;
  providers: number;
  language?: string;
}

/**
 * A clean (error-free on 2026-06-01) plan of any size, for the render tests and benchmark:
 * every contact verified recently, every critical service with two providers at two sites.
 */
export function largePlanYaml(size: LargePlanSize): string {
  const verified = '2026-03-01';
  const contacts = Array.from({ length: size.contacts }, (_, i) => ({
    id: `person-${i}`,
    name: `Person Nummer ${i} Ærøskøbing-Łódź`,
    organization: i % 3 === 0 ? `Firma ${i % 17} GmbH` : undefined,
    phone: `+49 30 ${String(1000000 + i)}`,
    email: `person.${i}@example.com`,
    verified,
  }));
  const roleCount = Math.max(4, Math.min(60, Math.floor(size.contacts / 3)));
  const roles = Array.from({ length: roleCount }, (_, i) => ({
    id: i === 0 ? 'emergency-officer' : `role-${i}`,
    title: i === 0 ? 'Emergency officer' : `Role ${i} with a reasonably long title`,
    primary: `person-${(2 * i) % size.contacts}`,
    deputies: [`person-${(2 * i + 1) % size.contacts}`],
    duties: [`Duty ${i}: keep things going`, 'Report to the emergency officer'],
  }));
  const serviceCount = Math.max(2, Math.ceil(size.providers / 2));
  const services = Array.from({ length: serviceCount }, (_, i) => ({
    id: `service-${i}`,
    name: `Service ${i}`,
    criticality: i % 2 === 0 ? 'critical' : 'medium',
    rto: 'PT4H',
    rpo: 'PT1H',
    mtpd: 'P2D',
  }));
  const providers = Array.from({ length: size.providers }, (_, i) => ({
    id: `provider-${i}`,
    name: `Provider ${i} AS`,
    services: [`service-${Math.floor(i / 2) % serviceCount}`],
    site: { city: i % 2 === 0 ? 'Bergen' : 'Lisboa', country: i % 2 === 0 ? 'NO' : 'PT' },
    contacts: [`person-${(roleCount * 2 + i) % size.contacts}`],
    sla: '99.5 % availability, 80 % of calls in 20 s',
    contractEnds: '2029-12-31',
    substitutability: 'medium',
    exitPlan: true,
  }));
  const scenarios = Array.from({ length: size.scenarios }, (_, i) => ({
    id: `scenario-${i}`,
    title: `Scenario ${i}: outage of service ${i % serviceCount} with a title long enough to wrap`,
    description: 'Something breaks. '.repeat(1 + (i % 7)).trim(),
    likelihood: 1 + (i % 5),
    impact: 1 + ((i * 3) % 5),
    services: [`service-${i % serviceCount}`],
    owner: `role-${1 + (i % (roleCount - 1))}`,
    trigger: `Service ${i % serviceCount} unreachable for 30 minutes`,
    measures: {
      prevent: [{ action: 'Keep a second provider warm', owner: 'role-1' }],
      respond: Array.from({ length: 1 + (i % 6) }, (_, k) => ({
        action: `Respond step ${k + 1}: do the needful and tell everybody who needs to know`,
        owner: k === 0 ? 'emergency-officer' : `role-${1 + ((i + k) % (roleCount - 1))}`,
        within: 'PT15M',
      })),
      recover: [{ action: 'Return to normal and hold a review', owner: 'role-1', within: 'P1D' }],
    },
  }));
  const exercises = scenarios.map((s) => ({
    date: '2026-02-01',
    kind: 'tabletop',
    scenarios: [s.id],
    outcome: 'passed',
  }));
  const plan = {
    bcplan: 1,
    plan: {
      id: 'large',
      title: 'Large test plan',
      organization: 'Big Org',
      version: '9.9',
      language: size.language ?? 'en',
      owner: 'emergency-officer',
      emergencyOfficer: 'emergency-officer',
      reviewed: '2026-03-01',
      activation: { criteria: ['Anything big'], authorizedRoles: ['emergency-officer'] },
      distribution: ['Board'],
    },
    roles,
    contacts: contacts.map((c) => Object.fromEntries(Object.entries(c).filter(([, v]) => v !== undefined))),
    providers,
    services,
    scenarios,
    communication: [{ audience: 'staff', owner: 'emergency-officer', channel: 'SMS', within: 'PT15M' }],
    exercises,
  };
  return stringify(plan, { lineWidth: 0 });
}
