import type { Budget, Project } from '../../api/services.js';
import type { View } from '../../output/print.js';
import { formatEuros } from '../shared/usage.js';

export const projectView: View<Project> = {
  plural: 'projects',
  fields: ['uuid', 'slug', 'name', 'organizationUuid', 'description', 'isDefault'],
  id: (p) => p.uuid,
  columns: [
    { header: 'UUID', value: (p) => p.uuid, kind: 'id' },
    { header: 'SLUG', value: (p) => p.slug },
    { header: 'NAME', value: (p) => p.name },
    { header: 'DEFAULT', value: (p) => (p.isDefault ? 'yes' : '') },
    { header: 'DESCRIPTION', value: (p) => p.description, flexible: true },
  ],
  details: [
    { header: 'UUID', value: (p) => p.uuid, kind: 'id' },
    { header: 'SLUG', value: (p) => p.slug },
    { header: 'NAME', value: (p) => p.name },
    { header: 'DEFAULT', value: (p) => (p.isDefault ? 'yes' : 'no') },
    { header: 'ORGANIZATION', value: (p) => p.organizationUuid },
    { header: 'DESCRIPTION', value: (p) => p.description },
  ],
};

const cents = (v: number | null) => (v === null ? '-' : formatEuros(v / 100));

export const budgetView: View<Budget> = {
  plural: 'budgets',
  fields: ['uuid', 'alias', 'consumedAmountInCents', 'totalAmountInCents', 'remainingAmountInCents', 'budgetOverrunPolicy', 'startDateUtc', 'expirationDateUtc', 'isArchived'],
  id: (b) => b.uuid,
  columns: [
    { header: 'ALIAS', value: (b) => b.alias },
    { header: 'CONSUMED', value: (b) => cents(b.consumedAmountInCents) },
    { header: 'TOTAL', value: (b) => cents(b.totalAmountInCents) },
    { header: 'REMAINING', value: (b) => cents(b.remainingAmountInCents) },
    { header: 'ON OVERRUN', value: (b) => b.budgetOverrunPolicy ?? 'project default' },
    { header: 'START', value: (b) => b.startDateUtc, kind: 'date' },
    { header: 'EXPIRES', value: (b) => b.expirationDateUtc ?? 'never', kind: 'date' },
    { header: 'ARCHIVED', value: (b) => (b.isArchived ? 'yes' : '') },
  ],
};
