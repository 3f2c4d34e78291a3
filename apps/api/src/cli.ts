import { loadConfig } from '@rodtrad/config';
import { DefinitionStore } from '@rodtrad/engine';
import {
  AdminAuditRepository,
  createDataSource,
  DocumentAuditRepository,
  openDatabase,
  pendingMigrations,
  verifyAuditChains,
} from '@rodtrad/persistence';
import { seedDemo } from './seed/demo-seeder';
import { seedDemoYear } from './seed/demo-year-seeder';
import { exitWithMessage } from './startup-errors';

const USAGE = `Usage: node dist/server/apps/api/src/cli.js <command>
  setup         create the database if missing, run migrations, check and store the shipped workflow
                definitions, seed the demo (when SEED_DEMO=true)
  migrate       create the database if missing and run migrations
  seed          seed the demo municipality (idempotent)
  verify-audit  check every audit chain with the keys in AUDIT_KEYS (reads only; exit code 1 when
                a chain is broken), e.g. on a restored copy of the database with a copy of the keys
  wait-migrated wait until the database has run every migration of this version (reads only; exit
                code 1 after 30 minutes), e.g. in an init container while the migration Job runs`;

const COMMANDS = ['setup', 'migrate', 'seed', 'verify-audit', 'wait-migrated'];

async function main(command: string | undefined): Promise<void> {
  if (!command || !COMMANDS.includes(command)) {
    console.error(USAGE);
    process.exit(2);
  }
  const config = loadConfig();
  if (command === 'verify-audit') return verifyAudit(config);
  if (command === 'wait-migrated') return waitMigrated(config);
  const ds = await openDatabase({
    databaseUrl: config.databaseUrl,
    migrate: true,
    poolSize: 2,
    auditKeys: config.auditKeys,
  });
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
      // The lived-in demo (#18): the previous year complete, the current one up to today, through
      // the engine. Idempotent: documents already worked on are left as they are.
      // A demo year that cannot be walked (an edited workflow, a form changed) must not stop the
      // installation from starting: it is said, and the municipality works without it.
      try {
        const y = await seedDemoYear(ds, {
          publicUrl: config.publicUrl,
          ksRecipientRoles: config.escalationRecipientRoles,
        });
        console.log(
          y.documentsWalked + y.documentsCreated
            ? `Demo years ${y.years.previous}–${y.years.current}: ${y.documentsCreated} documents opened, ${y.documentsWalked} walked (${y.transitions} events), ${y.escalationsOpened} escalations, ${(y.ms / 1000).toFixed(1)} s.`
            : 'Demo years already in place.',
        );
        for (const r of y.refused) console.warn(`Demo document not walked: ${r}`);
      } catch (e) {
        console.warn(`Demo years not seeded: ${(e as Error).message}`);
      }
    }
  } finally {
    await ds.destroy();
  }
}

/** Reads only: no database created, no migration run, so a read-only user on a copy will do. */
async function verifyAudit(config: ReturnType<typeof loadConfig>): Promise<void> {
  const ds = createDataSource({ databaseUrl: config.databaseUrl, poolSize: 2, auditKeys: config.auditKeys });
  await ds.initialize();
  try {
    const result = await verifyAuditChains({
      documents: new DocumentAuditRepository(ds),
      admin: new AdminAuditRepository(ds),
    });
    console.log(JSON.stringify(result, null, 2));
    const keys = config.auditKeys.map((k) => k.id).join(', ');
    if (result.ok)
      console.log(`Audit chains intact: ${result.checked} entries (${result.legacy} legacy), keys ${keys}.`);
    else {
      const b = result.brokenAt;
      console.error(
        `Audit chain broken: ${b?.chain}${b?.documentId ? ` ${b.documentId}` : ''} entry ${b?.seq}: ${b?.reason}.`,
      );
      process.exitCode = 1;
    }
  } finally {
    await ds.destroy();
  }
}

/**
 * Asks every 5 s, as the application's user (reads only), until no migration of this version is
 * pending or 30 minutes have passed; a database not reachable yet is asked again too.
 */
async function waitMigrated(config: ReturnType<typeof loadConfig>): Promise<void> {
  const giveUpAt = Date.now() + 30 * 60_000;
  for (;;) {
    let waitingFor: string;
    const ds = createDataSource({
      databaseUrl: config.databaseUrl,
      poolSize: 1,
      auditKeys: config.auditKeys,
    });
    try {
      await ds.initialize();
      const pending = await pendingMigrations(ds);
      if (!pending.length) {
        console.log(`Database up to date: all ${ds.migrations.length} migrations of this version have run.`);
        return;
      }
      waitingFor = `${pending.length} migration(s), the first ${pending[0]}`;
    } catch (e) {
      waitingFor = `the database (${(e as Error).message})`;
    } finally {
      if (ds.isInitialized) await ds.destroy();
    }
    if (Date.now() > giveUpAt) {
      console.error(`Gave up after 30 minutes waiting for ${waitingFor}.`);
      process.exitCode = 1;
      return;
    }
    console.log(`Waiting for ${waitingFor}.`);
    await new Promise((resolve) => setTimeout(resolve, 5000));
  }
}

main(process.argv[2]).catch((e) => exitWithMessage(e));
