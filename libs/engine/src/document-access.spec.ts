import { BILDNING_CHAIN, orgTreeOf, type RoleAssignment } from '@rodtrad/domain';
import type { LoadedDefinition } from './definition-store';
import { DocumentAccess } from './document-access';
import { EngineError } from './engine-error';
import type { EngineActor } from './ports';

const tree = orgTreeOf(...BILDNING_CHAIN, ['son', 'kommun', 'namnd']);
const access = new DocumentAccess(async () => tree);

const user = (...roles: RoleAssignment[]): EngineActor => ({ userId: 'u', roles, via: 'user' });
const rektor = user({ role: 'enhetschef', orgUnitId: 'transten' });
const chef = user({ role: 'forvaltningschef', orgUnitId: 'bin-f' });
const system: EngineActor = { userId: null, roles: [], via: 'system' };

/** Only what access reads of a definition: the steps' metadata. */
const def = {
  definition: {
    machine: {
      initial: 'draft',
      states: {
        draft: {
          meta: {
            editableBy: ['enhetschef'],
            events: {
              SUBMIT: { label: 'Skicka', roles: ['enhetschef'] },
              TIMEOUT: { label: 'Tiden gick ut', roles: [] },
            },
          },
        },
        review: {
          meta: {
            events: { APPROVE: { label: 'Godkänna', roles: ['forvaltningschef'], requiresComment: true } },
          },
        },
      },
    },
  },
} as unknown as LoadedDefinition;

const draft = { orgUnitId: 'transten', state: 'draft', final: false };
const review = { ...draft, state: 'review' };

async function refusal(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p;
    return undefined;
  } catch (e) {
    if (!(e instanceof EngineError)) throw e;
    return `${e.code}: ${e.message}`;
  }
}

describe('DocumentAccess', () => {
  it('lets a role act on units below its own, the system everywhere, and nobody without roles', async () => {
    expect(await access.may(chef, ['forvaltningschef'], 'transten')).toBe(true);
    expect(await access.may(rektor, ['enhetschef'], 'son')).toBe(false);
    expect(await access.may(rektor, [], 'transten')).toBe(false);
    expect(await access.may(system, undefined, 'son')).toBe(true);
  });

  it('keeps users to documents of units their roles reach', async () => {
    expect(await refusal(access.requireInScope(rektor, { orgUnitId: 'transten' }))).toBeUndefined();
    expect(await refusal(access.requireInScope(rektor, { orgUnitId: 'son' }))).toBe(
      'forbidden: Dokumentet tillhör en enhet utanför dina roller.',
    );
  });

  it('asks the step for the roles of an event, of editing and of creating', async () => {
    expect(await refusal(access.requireEvent(rektor, draft, def, 'SUBMIT'))).toBeUndefined();
    expect(await refusal(access.requireEvent(rektor, review, def, 'APPROVE'))).toBe(
      'forbidden: Din roll ger inte behörighet att godkänna här.',
    );
    // An event the step does not name is the machine's to refuse.
    expect(await refusal(access.requireEvent(rektor, review, def, 'UNKNOWN'))).toBeUndefined();
    expect(await refusal(access.requireEditor(chef, draft, def))).toBe(
      'forbidden: Du får inte ändra dokumentet i det här steget.',
    );
    expect(await refusal(access.requireCreate(rektor, def, 'transten'))).toBeUndefined();
    expect(
      await refusal(access.requireCreate(user({ role: 'registrator', orgUnitId: 'kommun' }), def, 'son')),
    ).toBeUndefined();
    expect(await refusal(access.requireCreate(chef, def, 'transten'))).toMatch(/^forbidden: /);
  });

  it('shows the buttons and the editing the actor has, never a system-only event', async () => {
    expect(await access.allowedEvents(draft, def, rektor)).toEqual([
      { type: 'SUBMIT', label: 'Skicka', requiresComment: false },
    ]);
    expect(await access.allowedEvents(review, def, chef)).toEqual([
      { type: 'APPROVE', label: 'Godkänna', requiresComment: true },
    ]);
    expect(await access.canEdit(draft, def, rektor)).toBe(true);
    expect(await access.canEdit({ ...draft, final: true }, def, rektor)).toBe(false);
    expect(await access.canEdit(review, def, rektor)).toBe(false);
  });
});
