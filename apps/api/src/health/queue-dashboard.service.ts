import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { Queue } from 'bullmq';
import type { Express, NextFunction, Request, Response } from 'express';
import type { AppConfig } from '@rodtrad/config';
import { openQueue, QUEUE_NAMESPACE, QUEUES, type QueueNamespace } from '@rodtrad/jobs';
import { AdminAuditRepository, UserRepository } from '@rodtrad/persistence';
import { SessionCache } from '../auth/session-cache';
import { sessionToken } from '../auth/session.guard';
import { APP_CONFIG } from '../infrastructure/tokens';

export const QUEUE_DASHBOARD_PATH = '/admin/queues';

/**
 * Bull Board at /admin/queues for administrators only: every queue of the system with its waiting,
 * delayed, active, completed and failed jobs (permanent failures are kept there to be seen and retried).
 * Every action taken there (retry, remove, add, pause…) is audited with who took it; cross-site
 * requests never reach it (sameOriginForCookieSessions).
 */
@Injectable()
export class QueueDashboard implements OnApplicationShutdown {
  private readonly queues: Queue[] = [];

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(QUEUE_NAMESPACE) private readonly namespace: QueueNamespace,
    private readonly sessions: SessionCache,
    private readonly users: UserRepository,
    private readonly audit: AdminAuditRepository,
  ) {}

  mount(app: Express): void {
    const adapter = new ExpressAdapter();
    adapter.setBasePath(QUEUE_DASHBOARD_PATH);
    for (const name of Object.values(QUEUES))
      this.queues.push(openQueue(name, this.config.redisUrl, this.namespace));
    createBullBoard({
      queues: this.queues.map((q) => new BullMQAdapter(q)),
      serverAdapter: adapter,
      options: { uiConfig: { boardTitle: 'Rödtråd – köer' } },
    });
    app.use(
      QUEUE_DASHBOARD_PATH,
      (req, res, next) => void this.requireAdmin(req, res, next),
      adapter.getRouter(),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.queues.map((q) => q.close()));
  }

  private async requireAdmin(req: Request, res: Response, next: NextFunction): Promise<void> {
    try {
      const token = sessionToken(req);
      const session = token ? await this.sessions.find(token) : null;
      if (!session) return problem(res, 401, 'unauthenticated', 'Inte inloggad', 'Du behöver logga in.');
      const roles = await this.users.rolesOf(session.userId);
      if (!roles.some((r) => r.role === 'admin'))
        return problem(
          res,
          403,
          'forbidden',
          'Saknar behörighet',
          'Kööversikten är bara för administratörer.',
        );
      if (!['GET', 'HEAD', 'OPTIONS'].includes(req.method))
        await this.audit.append({
          actorUserId: session.userId,
          action: 'queue.action',
          entityType: 'queue',
          entityId: /\/api\/queues\/([^/]+)/.exec(req.path)?.[1]?.slice(0, 64) ?? 'all',
          details: { method: req.method, path: `${QUEUE_DASHBOARD_PATH}${req.path}` },
        });
      next();
    } catch (e) {
      next(e);
    }
  }
}

function problem(res: Response, status: number, code: string, title: string, detail: string): void {
  res
    .status(status)
    .type('application/problem+json')
    .send(JSON.stringify({ type: `https://rodtrad.se/problems/${code}`, title, status, detail }));
}
