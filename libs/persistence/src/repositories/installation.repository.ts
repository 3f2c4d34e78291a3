import type { DataSource } from 'typeorm';

/** The database's own identity (see the installation-identity migration). */
export class InstallationRepository {
  constructor(private readonly ds: DataSource) {}

  async id(): Promise<string> {
    const [row] = await this.ds.query('SELECT id FROM installation ORDER BY created_at LIMIT 1');
    if (!row) throw new Error('The installation table is empty: run the migrations (npm run migrate)');
    return String(row.id);
  }
}
