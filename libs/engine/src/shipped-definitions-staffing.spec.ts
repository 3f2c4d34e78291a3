import { join } from 'node:path';
import {
  canOwnDocument,
  DEMO_MUNICIPALITY,
  demoOrgUnits,
  DOCUMENT_TYPE_KEYS,
  hasAnyRole,
  OrgTree,
  type RoleAssignment,
  type RoleKey,
} from '@rodtrad/domain';
import { loadShippedDefinitions, stateMeta, type WorkflowDefinition } from '@rodtrad/workflow';

/**
 * No document gets stuck for want of a person: for every document type, every demo unit that
 * may own it, and every open step, at least one demo user may send one of the step's events.
 */
describe('shipped workflows are staffed in the demo municipality', () => {
  const tree = new OrgTree(demoOrgUnits());
  const users = DEMO_MUNICIPALITY.users.map((u) => ({
    username: u.username,
    roles: u.assignments.map((a): RoleAssignment => ({ role: a.role, orgUnitId: a.unitKey })),
  }));
  const definitions = new Map(
    loadShippedDefinitions(join(__dirname, '../../../workflows')).map((s) => [
      s.definition.key,
      s.definition as WorkflowDefinition,
    ]),
  );

  it.each(DOCUMENT_TYPE_KEYS.map((t) => [t]))(
    '%s: every open step of every owning unit has someone who can move it',
    (type) => {
      const def = definitions.get(type) as WorkflowDefinition;
      expect(def).toBeDefined();
      const stuck: string[] = [];
      for (const unit of tree.all().filter((u) => canOwnDocument(type, u.kind))) {
        for (const [state, spec] of Object.entries(def.machine.states)) {
          if (spec.type === 'final') continue;
          const events = Object.entries(stateMeta(def, state)?.events ?? {}).filter(
            ([, p]) => p.roles.length > 0,
          );
          const movable = events.some(([, p]) =>
            users.some((u) => hasAnyRole(u.roles, p.roles as RoleKey[], unit.id, tree)),
          );
          if (!movable) stuck.push(`${unit.name} (${unit.kind}) in ${state}`);
        }
      }
      expect(stuck).toEqual([]);
    },
  );
});
