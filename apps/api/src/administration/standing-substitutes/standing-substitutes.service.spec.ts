import type {
  AdminAuditRepository,
  StandingSubstituteRepository,
  UserRepository,
} from '@rodtrad/persistence';
import { ApiProblem } from '../../common/problem/problem';
import { StandingSubstitutesService } from './standing-substitutes.service';

const row = {
  id: 's1',
  userId: 'u1',
  userName: 'Anna',
  substituteUserId: 'u2',
  substituteName: 'Bo',
  validFrom: new Date('2027-01-01T00:00:00Z'),
  validTo: new Date('2027-02-01T00:00:00Z'),
  reason: 'Semester',
};

function world(active: Record<string, boolean>) {
  const added: unknown[] = [];
  const audited: unknown[] = [];
  const substitutes = {
    add: async (s: unknown) => (added.push(s), 's1'),
    get: async () => row,
    remove: async (id: string) => id === 's1',
  } as unknown as StandingSubstituteRepository;
  const users = {
    get: async (id: string) => (id in active ? { id, active: active[id] } : null),
  } as unknown as UserRepository;
  const audit = { append: async (e: unknown) => void audited.push(e) } as unknown as AdminAuditRepository;
  return { service: new StandingSubstitutesService(substitutes, users, audit), added, audited };
}

const body = {
  userId: 'u1',
  substituteUserId: 'u2',
  from: '2027-01-01',
  to: '2027-02-01',
  reason: ' Semester ',
};

describe('StandingSubstitutesService', () => {
  it('adds the period, audits it and answers the view', async () => {
    const { service, added, audited } = world({ u1: true, u2: true });
    await expect(service.create(body, 'admin')).resolves.toEqual({
      id: 's1',
      user: { id: 'u1', name: 'Anna' },
      substitute: { id: 'u2', name: 'Bo' },
      from: '2027-01-01T00:00:00.000Z',
      to: '2027-02-01T00:00:00.000Z',
      reason: 'Semester',
    });
    expect(added).toEqual([expect.objectContaining({ reason: 'Semester' })]);
    expect(audited).toEqual([expect.objectContaining({ action: 'substitute.create', entityId: 's1' })]);
  });

  it('lists every refused field at once and writes nothing', async () => {
    const { service, added } = world({ u1: false });
    const refusal = await service
      .create({ ...body, substituteUserId: 'u1', to: body.from }, 'admin')
      .catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(ApiProblem);
    expect((refusal as ApiProblem).errors?.map((e) => e.pointer)).toEqual([
      '/to',
      '/substituteUserId',
      '/userId',
      '/substituteUserId',
    ]);
    expect(added).toEqual([]);
  });

  it('answers 404 for a substitute that does not exist', async () => {
    const { service, audited } = world({});
    await expect(service.remove('nope', 'admin')).rejects.toMatchObject({ status: 404 });
    expect(audited).toEqual([]);
  });
});
