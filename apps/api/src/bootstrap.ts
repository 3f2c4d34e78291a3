import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { RequestMethod } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import { Logger } from 'nestjs-pino';
import type Redis from 'ioredis';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '@rodtrad/config';
import { queueNamespace } from '@rodtrad/jobs';
import { observeDbPool } from '@rodtrad/observability';
import { InstallationRepository, openDatabase } from '@rodtrad/persistence';
import { AppModule } from './app.module';
import { jsonBodyParser } from './common/http/body-parsing';
import { sameOriginForCookieSessions } from './common/http/same-origin';
import { securityHeaders } from './common/http/security-headers';
import { connectRedis } from './infrastructure/redis';
import { mountWebApp } from './web/web-app';
import { QueueDashboard } from './health/queue-dashboard.service';
import { completeOpenApiDocument } from './openapi/complete-document';
import { httpMetrics } from './observability/http-metrics';

export interface ApiApp {
  app: NestExpressApplication;
  dataSource: DataSource;
  redis: Redis;
}

/** Opens the connections (migrating the database), then builds the Nest application. */
export async function createApiApp(config: AppConfig, opts: { migrate?: boolean } = {}): Promise<ApiApp> {
  const dataSource = await openDatabase({
    databaseUrl: config.databaseUrl,
    migrate: opts.migrate,
    auditKeys: config.auditKeys,
  });
  let redis: Redis;
  let namespace: ReturnType<typeof queueNamespace>;
  try {
    namespace = queueNamespace(config.queuePrefix, await new InstallationRepository(dataSource).id());
    redis = await connectRedis(config.redisUrl);
  } catch (e) {
    await dataSource.destroy();
    throw e;
  }
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.with({ config, dataSource, redis, queueNamespace: namespace }),
    {
      bodyParser: false,
      bufferLogs: true,
    },
  );
  app.useLogger(app.get(Logger));
  // Requests by route and status, timed (#21); the pool read at each scrape of /metrics.
  app.use(httpMetrics());
  observeDbPool('api', dataSource);
  // X-Forwarded-For only from the proxies named in TRUST_PROXY; otherwise the socket's peer is the client.
  app.set('trust proxy', config.trustProxy.length ? config.trustProxy : false);
  app.set('x-powered-by', false);
  app.use(securityHeaders(config.publicUrl));
  app.use(cookieParser());
  app.use(sameOriginForCookieSessions(config.publicUrl));
  app.use(...jsonBodyParser());
  // The public site for citizens lives outside /api (#20): HTML pages, PDFs and open data.
  app.setGlobalPrefix('api', {
    exclude: [
      { path: 'offentligt', method: RequestMethod.GET },
      { path: 'offentligt/{*path}', method: RequestMethod.GET },
    ],
  });
  app.enableShutdownHooks();

  const openApi = new DocumentBuilder()
    .setTitle('Rödtråd API')
    .setDescription(
      'Styrning och uppföljning för kommuner: årshjul, styrdokument som arbetsflöden, avvikelser som eskalerar. ' +
        'Every error is RFC 9457 application/problem+json; validation errors list each field as a JSON pointer in `errors[]`. ' +
        'Lists are paged with `?limit=&offset=` and answer `{ items, total }`. Authenticate with the session cookie or `Authorization: Bearer <token>` from POST /api/auth/login.',
    )
    .setVersion('0.1.0')
    .addServer('/', 'This installation (paths are relative to where the document is served)')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'A token from POST /api/auth/login' })
    .addCookieAuth('rodtrad_session')
    .build();
  SwaggerModule.setup(
    'api/docs',
    app,
    () => completeOpenApiDocument(SwaggerModule.createDocument(app, openApi)),
    {
      jsonDocumentUrl: 'api/docs-json',
      customSiteTitle: 'Rödtråd API',
    },
  );

  app.get(QueueDashboard).mount(app.getHttpAdapter().getInstance());
  mountWebApp(app.getHttpAdapter().getInstance(), config.webDist);
  return { app, dataSource, redis };
}
