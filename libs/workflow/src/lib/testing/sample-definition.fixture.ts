// A small definition in the shipped format, shared by the specs (not a shipped definition).
import { createRegistry } from '../registry/registry';
import type { DefinitionCatalogs } from '../definition/validate-definition';
import type { GuardContext, WorkflowDefinition } from '../workflow.types';

export function sampleDefinition(): WorkflowDefinition {
  return {
    $schema: './definition.schema.json',
    key: 'enhetsplan',
    title: 'Enhetsplan',
    version: 1,
    machine: {
      id: 'enhetsplan',
      initial: 'draft',
      states: {
        draft: {
          meta: {
            title: 'Utkast',
            form: 'draft',
            editableBy: ['enhetschef', 'handlaggare'],
            responsible: ['enhetschef'],
            deadline: { key: 'enhetsplan', reminders: [14, 3, 1], onDue: 'EXPIRE', escalate: true },
            events: {
              SUBMIT: { label: 'Skicka till områdeschef', roles: ['enhetschef'], requiresComment: false },
            },
          },
          on: {
            SUBMIT: {
              target: 'review',
              guard: { type: 'formComplete' },
              actions: [
                { type: 'notify', params: { roles: ['omradeschef'], template: 'review-requested' } },
                { type: 'markSubmitted' },
              ],
            },
            EXPIRE: {
              actions: [{ type: 'notify', params: { roles: ['omradeschef'], template: 'deadline-passed' } }],
            },
          },
        },
        review: {
          meta: {
            title: 'Granskning',
            form: 'review',
            editableBy: ['omradeschef'],
            responsible: ['omradeschef'],
            events: {
              APPROVE: { label: 'Fastställ', roles: ['omradeschef'] },
              RETURN: { label: 'Återför till enhetschef', roles: ['omradeschef'], requiresComment: true },
              DECIDE: { label: 'Besluta', roles: ['omradeschef'] },
            },
          },
          on: {
            APPROVE: {
              target: 'adopted',
              guard: {
                type: 'and',
                guards: [
                  { type: 'fieldsPresent', params: { fields: ['/beslut/datum', '/beslut/paragraf'] } },
                  { type: 'hasRole', params: { role: 'omradeschef' } },
                ],
              },
              actions: [{ type: 'markDecided', params: { outcome: 'faststalld' } }],
            },
            RETURN: {
              target: 'draft',
              actions: [{ type: 'notify', params: { roles: ['enhetschef'], template: 'returned' } }],
            },
            DECIDE: [
              {
                target: 'adopted',
                guard: { type: 'factIs', params: { fact: 'approved', reason: 'Beslut saknas.' } },
              },
              { target: 'rejected' },
            ],
          },
        },
        adopted: {
          type: 'final',
          meta: { title: 'Fastställd' },
          entry: [{ type: 'assignDiarienummer', params: { body: 'ks' } }],
        },
        rejected: { type: 'final', meta: { title: 'Avslagen' } },
      },
    },
  };
}

export const sampleRoles = ['enhetschef', 'handlaggare', 'omradeschef', 'registrator', 'ks.sekreterare'];

export function sampleCatalogs(overrides: Partial<DefinitionCatalogs> = {}): DefinitionCatalogs {
  return {
    registry: createRegistry(),
    formExists: (key, form) => key === 'enhetsplan' && ['draft', 'review'].includes(form),
    roleExists: (role) => sampleRoles.includes(role),
    deadlineKeyExists: (key) => ['enhetsplan', 'manadsrapport'].includes(key),
    ...overrides,
  };
}

export function guardContext(overrides: Partial<GuardContext> = {}): GuardContext {
  return {
    data: {},
    document: { id: 'doc-1', type: 'enhetsplan', orgUnitId: 'enhet-1', year: 2026, period: null },
    actor: { userId: 'user-1', roles: [{ role: 'enhetschef', orgUnitId: 'enhet-1' }], via: 'user' },
    facts: {},
    validateForm: () => [],
    hasRole: () => true,
    ...overrides,
  };
}
