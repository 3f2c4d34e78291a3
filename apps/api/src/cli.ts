import { loadConfig } from '@rodtrad/config';
import { DefinitionStore } from '@rodtrad/engine';
import { openDatabase } from '@rodtrad/persistence';
import { seedDemo } from './seed/demo-seeder';
import { exitWithMessage } from './startup-errors';

const USAGE = `Usage: node dist/server/apps/api/src/cli.js <command>
  setup    create the database if missing, run migrations, check and store the shipped workflow
           definitions, seed the demo (when SEED_DEMO=true)
  migrate  create the database if missing and run migrations
  seed     seed the demo municipality (idempotent)`;

async function main(command: string | undefined): Promise<void> {
  if (!command || !['setup', 'migrate', 'seed'].includes(command)) {
    console.error(USAGE);
    process.exit(2);
  }
  const config = loadConfig();
  const ds = await openDatabase({ databaseUrl: config.databaseUrl, migrate: true, poolSize: 2 });
  try {
    const migrations = await ds.query('SELECT COUNT(*) AS n FROM schema_migrations');
    console.log(`Database ready (${migrations[0].n} migrations applied).`);
    if (command === 'setup') {
      const created = await DefinitionStore.fromCwd(ds).syncShipped();
      console.log(
        created.length
          ? `Workflow definitions stored: ${created.map((c) => `${c.key} v${c.version}`).join(', ')}.`
          : 'Workflow definitions up to date.',
      );
    }
    if (command === 'seed' || (command === 'setup' && config.seedDemo)) {
      const r = await seedDemo(ds, config.demoPassword);
      console.log(
        r.unitsCreated + r.usersCreated + r.periodsCreated
          ? `Demo municipality seeded: ${r.unitsCreated} units, ${r.usersCreated} users, ${r.rolesCreated} roles, ${r.periodsCreated} mandate periods.`
          : 'Demo municipality already in place.',
      );
    }
  } finally {
    await ds.destroy();
  }
}

main(process.argv[2]).catch((e) => exitWithMessage(e));
