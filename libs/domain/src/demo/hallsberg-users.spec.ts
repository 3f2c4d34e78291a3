import { OrgTree } from '../org/org-unit';
import { ROLE_KEYS, canHoldRole, hasRole } from '../org/roles';
import { demoOrgUnits } from './hallsberg-units';
import { DEMO_EMAIL_DOMAIN, DEMO_USERS } from './hallsberg-users';

describe('DEMO_USERS', () => {
  const tree = new OrgTree(demoOrgUnits());

  it('has unique, simple usernames and emails at the demo domain', () => {
    const usernames = DEMO_USERS.map((user) => user.username);
    expect(new Set(usernames).size).toBe(usernames.length);
    for (const user of DEMO_USERS) {
      expect(user.username).toMatch(/^[a-z][a-z0-9.-]*$/);
      expect(user.email).toBe(`${user.username}@${DEMO_EMAIL_DOMAIN}`);
      expect(user.name).toMatch(/^\S+ \S+/);
      expect(user.assignments.length).toBeGreaterThan(0);
    }
    expect(usernames).toEqual(
      expect.arrayContaining(['admin', 'registrator', 'ks.ordforande', 'transten.rektor']),
    );
  });

  it('assigns every role only on units of a kind where it lives', () => {
    for (const user of DEMO_USERS) {
      for (const { role, unitKey } of user.assignments) {
        const unit = tree.require(unitKey);
        expect([user.username, role, unit.kind, canHoldRole(role, unit.kind)]).toEqual([
          user.username,
          role,
          unit.kind,
          true,
        ]);
      }
    }
  });

  it('staffs every role, and every unit where a role lives with its head', () => {
    const held = new Set(DEMO_USERS.flatMap((user) => user.assignments.map((a) => a.role)));
    expect([...held].sort()).toEqual([...ROLE_KEYS].sort());
    const headOf = {
      namnd: 'namnd.ordforande',
      bolag: 'namnd.ordforande',
      forvaltning: 'forvaltningschef',
      omrade: 'omradeschef',
      enhet: 'enhetschef',
    } as const;
    for (const unit of tree.all()) {
      const role = headOf[unit.kind as keyof typeof headOf];
      if (!role) continue;
      const holders = DEMO_USERS.filter((user) =>
        user.assignments.some((a) => a.role === role && a.unitKey === unit.id),
      );
      expect([unit.id, holders.length]).toEqual([unit.id, 1]);
    }
  });

  it('gives the administrator the admin role', () => {
    const admin = DEMO_USERS.find((user) => user.username === 'admin');
    const assignments = (admin?.assignments ?? []).map((a) => ({ role: a.role, orgUnitId: a.unitKey }));
    expect(hasRole(assignments, 'admin', 'transten', tree)).toBe(true);
  });
});
