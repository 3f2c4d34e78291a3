import { openDatabase } from '@rodtrad/persistence';
import { createFormValidator, evaluateGuard, step } from '@rodtrad/workflow';
import { DefinitionStore } from './definition-store';
it('debug', async () => {
  const ds = await openDatabase({ databaseUrl: process.env['DATABASE_URL'] as string, migrate: false });
  const store = DefinitionStore.fromCwd(ds);
  const d = (await store.published('atgardsplan'))!;
  const v = createFormValidator();
  const data = { sarskild: false, ksBeslut: { datum: '2025-01-01', paragraf: '§ 1' } };
  const gc: any = {
    data,
    document: { id: 'x', type: 'atgardsplan', orgUnitId: 'u', year: 2300, period: null },
    actor: { userId: null, roles: [], via: 'system' },
    facts: {},
    validateForm: (dd: unknown, f: { step: string }) => {
      const r = v.validate(d.forms[f.step].schema, dd);
      console.log('validateForm', f.step, JSON.stringify(r));
      return r;
    },
  };
  const cands = (d.definition.machine.states as any).ks_treatment.on.TAKE_NOTE;
  console.log(
    'eval0',
    JSON.stringify(
      evaluateGuard(
        cands[0].guard,
        { ...gc, state: { value: 'ks_treatment', form: 'ks-treatment' } },
        d.compiled.registry,
      ),
    ),
  );
  const r = step({
    definition: d.compiled,
    snapshot: { status: 'active', value: 'ks_treatment', context: {}, children: {}, historyValue: {} } as any,
    event: { type: 'TAKE_NOTE' },
    guardContext: gc,
  });
  console.log('step', JSON.stringify(r).slice(0, 300));
  await ds.destroy();
});
