import { createHash } from 'node:crypto';

// Every test tier runs against a database and a queue prefix of its own.
// TEST_RUN_ID keeps parallel runs on one machine (several developers, several checkouts) apart.
const tier = `${process.env['TEST_TIER'] ?? 'it'}${process.env['TEST_RUN_ID'] ? `_${process.env['TEST_RUN_ID']}` : ''}`;
process.env['NODE_ENV'] = 'test';
// Never a developer's own DATABASE_URL: the tiers drop and re-create their database.
const server = process.env['TEST_DATABASE_SERVER'] ?? 'mysql://root@127.0.0.1:3306';
process.env['DATABASE_URL'] = `${server}/rodtrad_test_${tier}`;
process.env['REDIS_URL'] ??= 'redis://127.0.0.1:6379';
process.env['QUEUE_PREFIX'] = `rodtrad_test_${tier}`;
process.env['DEMO_PASSWORD'] ??= 'demo';
process.env['LOG_LEVEL'] ??= 'silent';
process.env['SESSION_SECRET'] ??= 'test-secret-test-secret-test-secret';
process.env['LOGIN_RATE_LIMIT'] ??= '5';
// The end-to-end tier listens on ports of its own (the built API on 3100, the SMTP server the
// approval test starts on 1025). A TEST_RUN_ID moves both, so that two runs on one machine do not meet.
if (process.env['TEST_RUN_ID']) {
  const offset = 1 + (createHash('sha1').update(process.env['TEST_RUN_ID']).digest().readUInt16BE(0) % 400);
  process.env['E2E_PORT'] ??= String(3100 + offset);
  process.env['SMTP_URL'] ??= `smtp://127.0.0.1:${1025 + offset}`;
}
