import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '@rodtrad/config';
import type { KoladaImportResult, KoladaRunView, KoladaStatusView } from '@rodtrad/contracts';
import { KoladaFetchError, KoladaSync } from '@rodtrad/engine';
import {
  addJobsOnce,
  jobId,
  jobSpec,
  JOBS,
  openQueue,
  QUEUE_NAMESPACE,
  QUEUES,
  type QueueNamespace,
} from '@rodtrad/jobs';
import { KoladaRepository, type KoladaRunRow } from '@rodtrad/persistence';
import { ApiProblem } from '../common/problem/problem';
import { APP_CONFIG, DATA_SOURCE } from '../infrastructure/tokens';

export const runView = (r: KoladaRunRow): KoladaRunView => ({
  id: r.id,
  source: r.source,
  status: r.status,
  startedAt: r.startedAt.toISOString(),
  finishedAt: r.finishedAt ? r.finishedAt.toISOString() : null,
  fileName: r.fileName,
  valuesStored: r.valuesStored,
  problems: r.problems,
});

/** Kolada for the administrator (#19): what is configured and linked, the runs, fetch now, import a file. */
@Injectable()
export class KoladaService implements OnApplicationShutdown {
  private readonly queue: Queue;
  private readonly repo: KoladaRepository;
  private readonly sync: KoladaSync;

  constructor(
    @Inject(DATA_SOURCE) ds: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(QUEUE_NAMESPACE) namespace: QueueNamespace,
  ) {
    this.queue = openQueue(QUEUES.maintenance, config.redisUrl, namespace);
    this.repo = new KoladaRepository(ds);
    this.sync = new KoladaSync(ds, {
      baseUrl: config.koladaBaseUrl,
      municipalityId: config.koladaMunicipalityId,
      timeoutMs: config.koladaTimeoutSeconds * 1000,
    });
  }

  async status(): Promise<KoladaStatusView> {
    const wants = await this.sync.wants();
    return {
      baseUrl: this.config.koladaBaseUrl,
      municipalityId: this.config.koladaMunicipalityId,
      fetchHours: this.config.koladaFetchHours,
      linkedKpis: [...wants.kpis.keys()].sort(),
      runs: (await this.repo.runs(20)).map(runView),
    };
  }

  /** Queues a fetch now; the worker carries it out (the runs show how it went). */
  async requestFetch(userId: string): Promise<{ jobId: string }> {
    const id = jobId('kolada', Date.now());
    await addJobsOnce(this.queue, [
      jobSpec(JOBS.fetchKolada, { requestedBy: userId }, { jobId: id, attempts: 3 }),
    ]);
    return { jobId: id };
  }

  async importFile(
    file: { originalname: string; buffer: Buffer } | undefined,
    userId: string,
  ): Promise<KoladaImportResult> {
    if (!file || !file.buffer?.length)
      throw ApiProblem.validation([{ pointer: '/file', message: 'Välj en fil sparad från Kolada.' }]);
    const sha256 = createHash('sha256').update(file.buffer).digest('hex');
    try {
      const result = await this.sync.importFile(
        { name: file.originalname || 'kolada.json', sha256, text: file.buffer.toString('utf8') },
        userId,
      );
      const run = await this.repo.run(result.runId);
      if (!run) throw ApiProblem.notFound('Importen');
      return { ...runView(run), groups: result.groups };
    } catch (e) {
      if (e instanceof KoladaFetchError)
        throw ApiProblem.validation([{ pointer: '/file', message: e.message }]);
      throw e;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue.close();
  }
}
