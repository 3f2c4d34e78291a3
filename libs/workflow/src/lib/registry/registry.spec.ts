import { createRegistry } from './registry';
import type { GuardEntry } from './registry.types';

describe('createRegistry', () => {
  const registry = createRegistry();

  it('holds the built-in guards and actions, each described with a params schema', () => {
    expect([...registry.guards.keys()]).toEqual(
      expect.arrayContaining([
        'formComplete',
        'fieldsPresent',
        'hasRole',
        'upstreamAdopted',
        'withinFrame',
        'commentGiven',
        'restorationPlanCovers',
      ]),
    );
    expect([...registry.actions.keys()]).toEqual(
      expect.arrayContaining([
        'notify',
        'scheduleDeadline',
        'cancelDeadlines',
        'requestApproval',
        'createDocument',
        'escalate',
        'assignDiarienummer',
        'markSubmitted',
        'markDecided',
      ]),
    );
    for (const entry of [...registry.guards.values(), ...registry.actions.values()]) {
      expect(entry.description.length).toBeGreaterThan(10);
      expect(entry.paramsSchema).toMatchObject({ type: 'object' });
    }
  });

  it('validates params against the entry schema, with pointers', () => {
    expect(registry.validateGuardParams('fieldsPresent', { fields: ['/beslut/datum'] })).toEqual([]);
    expect(registry.validateGuardParams('fieldsPresent', {})).toEqual([
      { pointer: '', message: "must have required property 'fields'" },
    ]);
    expect(registry.validateGuardParams('formComplete', undefined)).toEqual([]);
    expect(
      registry.validateActionParams('requestApproval', {
        approvers: { roles: ['kf.ordforande'] },
        mode: 'some',
      }),
    ).toEqual([expect.objectContaining({ pointer: '/mode' })]);
    expect(registry.validateActionParams('requestApproval', { approvers: {}, mode: 'all' })).not.toEqual([]);
    expect(registry.validateActionParams('escalate', { to: 'ks', kind: 'budgetavvikelse', x: 1 })).toEqual([
      { pointer: '/x', message: 'must NOT have additional properties' },
    ]);
    expect(registry.validateActionParams('nope', {})).toEqual([
      { pointer: '', message: 'unknown action:nope' },
    ]);
  });

  it('takes extra entries, replacing a built-in of the same name', () => {
    const alwaysNo: GuardEntry = {
      name: 'withinFrame',
      description: 'A stricter frame check for tests.',
      paramsSchema: { type: 'object' },
      implementation: () => ({ ok: false, reason: 'Nej.' }),
    };
    const custom = createRegistry({ guards: [alwaysNo] });
    expect(custom.guards.get('withinFrame')).toBe(alwaysNo);
    expect(() => createRegistry({ guards: [{ ...alwaysNo, name: 'and' }] })).toThrow('Reserved guard name');
  });
});
