import type { DataSource } from 'typeorm';
import { UserRepository } from '@rodtrad/persistence';
import type { EngineActor } from '../ports';

/** A demo user (by username) as the engine sees them: id and role assignments, acting in the app. */
export async function demoActor(ds: DataSource, username: string): Promise<EngineActor> {
  const [{ id }] = await ds.query('SELECT id FROM app_user WHERE username = ?', [username]);
  return { userId: id, roles: await new UserRepository(ds).rolesOf(id), via: 'user' };
}
