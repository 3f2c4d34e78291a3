import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { DEMO_MUNICIPALITY, DEMO_OWNERSHIP, DEMO_UNIT_MOVES } from '@rodtrad/domain';
import { passwordHasher } from '../auth/password-hasher';

export interface SeedResult {
  unitsCreated: number;
  usersCreated: number;
  rolesCreated: number;
  periodsCreated: number;
}

/**
 * Seeds the demo municipality. Idempotent: what exists (found by seed key, username,
 * start year) is left as it is, so an administrator's later edits survive a re-seed.
 */
export async function seedDemo(ds: DataSource, demoPassword: string): Promise<SeedResult> {
  const demo = DEMO_MUNICIPALITY;
  const result: SeedResult = { unitsCreated: 0, usersCreated: 0, rolesCreated: 0, periodsCreated: 0 };
  // One hash for all demo users: they share the password by design.
  const passwordHash = await passwordHasher.hash(demoPassword);
  await ds.transaction(async (m) => {
    const existing: { id: string; seedKey: string }[] = await m.query(
      'SELECT id, seed_key AS seedKey FROM org_unit WHERE seed_key IS NOT NULL',
    );
    const idByKey = new Map(existing.map((u) => [u.seedKey, u.id]));
    for (const unit of demo.units) {
      if (idByKey.has(unit.key)) continue;
      const id = randomUUID();
      const parentId = unit.parentKey ? idByKey.get(unit.parentKey) : null;
      if (unit.parentKey && !parentId)
        throw new Error(`Demo unit ${unit.key} comes before its parent ${unit.parentKey}`);
      await m.query(
        'INSERT INTO org_unit (id, parent_id, kind, name, code, seed_key) VALUES (?, ?, ?, ?, ?, ?)',
        [id, parentId ?? null, unit.kind, unit.name, unit.code, unit.key],
      );
      idByKey.set(unit.key, id);
      result.unitsCreated++;
    }
    await applyDemoMovesAndOwnership(m, idByKey);

    for (const user of demo.users) {
      const rows: { id: string }[] = await m.query('SELECT id FROM app_user WHERE username = ?', [
        user.username,
      ]);
      let userId = rows[0]?.id;
      if (!userId) {
        userId = randomUUID();
        await m.query(
          'INSERT INTO app_user (id, username, name, email, password_hash) VALUES (?, ?, ?, ?, ?)',
          [userId, user.username, user.name, user.email, passwordHash],
        );
        result.usersCreated++;
      }
      for (const r of user.assignments) {
        const orgUnitId = idByKey.get(r.unitKey);
        if (!orgUnitId) throw new Error(`Demo user ${user.username} has a role on unknown unit ${r.unitKey}`);
        const res = await m.query(
          'INSERT IGNORE INTO role_assignment (id, user_id, role, org_unit_id) VALUES (?, ?, ?, ?)',
          [randomUUID(), userId, r.role, orgUnitId],
        );
        result.rolesCreated += Number(res.affectedRows ?? 0);
      }
    }

    for (const period of demo.mandatePeriods) {
      const rows: { id: string }[] = await m.query('SELECT id FROM mandate_period WHERE start_year = ?', [
        period.startYear,
      ]);
      if (rows[0]) continue;
      const periodId = randomUUID();
      await m.query(
        'INSERT INTO mandate_period (id, start_year, end_year, vision, core_values) VALUES (?, ?, ?, ?, ?)',
        [periodId, period.startYear, period.endYear, demo.vision, JSON.stringify(demo.coreValues)],
      );
      for (const [i, area] of demo.strategicAreas
        .filter((a) => a.mandatePeriodKey === period.key)
        .entries()) {
        await m.query(
          'INSERT INTO strategic_area (id, mandate_period_id, name, description, sort_order) VALUES (?, ?, ?, ?, ?)',
          [randomUUID(), periodId, area.name, area.description, i],
        );
      }
      result.periodsCreated++;
    }
  });
  return result;
}

/**
 * A database seeded before a demo unit moved gets the move (only while the unit still sits where
 * the earlier seed put it, so an administrator's own move stands), and the companies and
 * kommunalförbund their holding (only while none is set, so an administrator's edit stands).
 */
async function applyDemoMovesAndOwnership(
  m: { query: (sql: string, params?: unknown[]) => Promise<unknown> },
  idByKey: ReadonlyMap<string, string>,
): Promise<void> {
  for (const move of DEMO_UNIT_MOVES) {
    const [id, from, to] = [move.key, move.fromParentKey, move.toParentKey].map((k) => idByKey.get(k));
    if (id && from && to)
      await m.query('UPDATE org_unit SET parent_id = ? WHERE id = ? AND parent_id = ?', [to, id, from]);
  }
  for (const [key, o] of Object.entries(DEMO_OWNERSHIP)) {
    const id = idByKey.get(key);
    if (!id) continue;
    await m.query(
      `UPDATE org_unit SET ownership_share = ?, member_municipalities = ?
        WHERE id = ? AND ownership_share IS NULL AND member_municipalities IS NULL`,
      [o.sharePercent, o.memberMunicipalities.length ? JSON.stringify(o.memberMunicipalities) : null, id],
    );
  }
}
