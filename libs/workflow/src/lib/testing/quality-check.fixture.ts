// The shipped enhetsplan with one more step: after the områdeschef's approval, a quality check by
// the förvaltning before the enhetschef adopts. The change an administrator makes in the specs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WorkflowDefinition } from '../workflow.types';

export function shippedEnhetsplan(root = process.cwd()): WorkflowDefinition {
  return JSON.parse(readFileSync(join(root, 'workflows/enhetsplan.workflow.json'), 'utf8'));
}

export function enhetsplanWithQualityCheck(root = process.cwd()): WorkflowDefinition {
  const def = shippedEnhetsplan(root);
  const states = def.machine.states;
  const approve = states['review'].on?.['APPROVE'] as { target: string };
  approve.target = 'quality_check';
  states['quality_check'] = {
    meta: {
      title: 'Kvalitetsgranskning',
      form: 'review',
      editableBy: ['handlaggare'],
      responsible: ['forvaltningschef'],
      deadline: { key: 'enhetsplan', reminders: [3], escalate: false },
      events: {
        QUALITY_OK: { label: 'Godkänn kvaliteten', roles: ['forvaltningschef'] },
        RETURN: { label: 'Returnera för ändring', roles: ['forvaltningschef'], requiresComment: true },
      },
    },
    on: {
      QUALITY_OK: {
        target: 'adoption',
        actions: [{ type: 'notify', params: { roles: ['enhetschef'], template: 'approved' } }],
      },
      RETURN: { target: 'draft' },
    },
  };
  return def;
}
