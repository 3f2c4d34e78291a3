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
// No /metrics port unless a test asks for one: processes it starts never race for 9464.
process.env['METRICS_PORT'] ??= '0';
process.env['SESSION_SECRET'] ??= 'test-secret-test-secret-test-secret';
process.env['LOGIN_RATE_LIMIT'] ??= '5';
// Kolada only when a test asks (it points KOLADA_BASE_URL at its local server): never the internet.
process.env['KOLADA_FETCH_HOURS'] ??= '0';
// The end-to-end tier's ports (the built API, the SMTP server the browser test starts) are free
// ports its global setup picks (E2E_PORT and SMTP_URL, when set, are kept).
