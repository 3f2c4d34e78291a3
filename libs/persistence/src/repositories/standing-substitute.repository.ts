import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';

export interface StandingSubstituteRow {
  id: string;
  userId: string;
  userName: string;
  substituteUserId: string;
  substituteName: string;
  validFrom: Date;
  validTo: Date;
  reason: string;
}

const COLUMNS = `s.id, s.user_id AS userId, u.name AS userName, s.substitute_user_id AS substituteUserId,
  su.name AS substituteName, s.valid_from AS validFrom, s.valid_to AS validTo, s.reason`;
const FROM = `FROM standing_substitute s JOIN app_user u ON u.id = s.user_id JOIN app_user su ON su.id = s.substitute_user_id`;

/** Standing substitutes (ersättare) that administrators set for a period of absence. */
export class StandingSubstituteRepository {
  constructor(private readonly ds: DataSource) {}

  async add(
    s: { userId: string; substituteUserId: string; validFrom: Date; validTo: Date; reason: string },
    createdBy: string | null,
  ): Promise<string> {
    const id = randomUUID();
    await this.ds.query(
      `INSERT INTO standing_substitute (id, user_id, substitute_user_id, valid_from, valid_to, reason, created_by_user_id)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
      [id, s.userId, s.substituteUserId, s.validFrom, s.validTo, s.reason, createdBy],
    );
    return id;
  }

  async get(id: string): Promise<StandingSubstituteRow | null> {
    const [r] = await this.ds.query(`SELECT ${COLUMNS} ${FROM} WHERE s.id = ?`, [id]);
    return r ?? null;
  }

  async list(filter: { userId?: string; activeAt?: Date }): Promise<StandingSubstituteRow[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.userId) {
      where.push('s.user_id = ?');
      params.push(filter.userId);
    }
    if (filter.activeAt) {
      where.push('s.valid_from <= ? AND s.valid_to > ?');
      params.push(filter.activeAt, filter.activeAt);
    }
    return this.ds.query(
      `SELECT ${COLUMNS} ${FROM} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY s.valid_from, s.id`,
      params,
    );
  }

  /** The substitute standing in for the user at that moment (the latest set wins), or null. */
  async activeFor(userId: string, at: Date): Promise<StandingSubstituteRow | null> {
    const [r] = await this.ds.query(
      `SELECT ${COLUMNS} ${FROM} WHERE s.user_id = ? AND s.valid_from <= ? AND s.valid_to > ?
        ORDER BY s.created_at DESC LIMIT 1`,
      [userId, at, at],
    );
    return r ?? null;
  }

  async remove(id: string): Promise<boolean> {
    const res = await this.ds.query('DELETE FROM standing_substitute WHERE id = ?', [id]);
    return Number(res.affectedRows ?? 0) === 1;
  }
}
