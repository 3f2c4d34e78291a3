import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { Job } from 'bullmq';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '@rodtrad/config';
import { KoladaSync } from '@rodtrad/engine';
import { JOBS, QUEUES, type JobData } from '@rodtrad/jobs';
import type { JobHandler } from '../queues/job-handler';
import { WorkerQueues } from '../queues/worker-queues';
import { WORKER_CONFIG, WORKER_DATA_SOURCE } from '../tokens';

/**
 * Fetches the linked KPIs from Kolada (#19, docs/kolada.md): every KOLADA_FETCH_HOURS on one
 * schedule for all workers, and when an administrator asks. A run that could not fetch
 * everything is recorded with its problems (the administrator's Kolada page shows them), keeps
 * what it did fetch, and fails the job so the queue tries again with backoff; the worker itself
 * never stops for it.
 */
@Injectable()
export class FetchKoladaJob implements JobHandler<typeof JOBS.fetchKolada>, OnApplicationBootstrap {
  readonly queue = QUEUES.maintenance;
  readonly name = JOBS.fetchKolada;
  readonly every?: number;
  private readonly logger = new Logger('FetchKolada');
  private readonly sync: KoladaSync;

  constructor(
    @Inject(WORKER_CONFIG) config: AppConfig,
    @Inject(WORKER_DATA_SOURCE) ds: DataSource,
    private readonly queues: WorkerQueues,
  ) {
    this.every = config.koladaFetchHours ? config.koladaFetchHours * 3600_000 : undefined;
    this.sync = new KoladaSync(ds, {
      baseUrl: config.koladaBaseUrl,
      municipalityId: config.koladaMunicipalityId,
      timeoutMs: config.koladaTimeoutSeconds * 1000,
    });
  }

  /** KOLADA_FETCH_HOURS=0: a schedule left from an earlier setting is taken away. */
  async onApplicationBootstrap(): Promise<void> {
    if (!this.every) await this.queues.get(this.queue).removeJobScheduler(this.name);
  }

  async handle(job: Job<JobData<typeof JOBS.fetchKolada>>) {
    const result = await this.sync.run(job.data?.requestedBy ?? null);
    if (result.problems.length) {
      this.logger.warn(
        `Kolada run ${result.runId}: ${result.valuesStored} values stored, ${result.problems.length} problem(s): ${result.problems.join(' | ')}`,
      );
      throw new Error(
        `Kolada: ${result.problems.length} av hämtningarna misslyckades (${result.problems[0]})`,
      );
    }
    this.logger.log(`Kolada run ${result.runId}: ${result.valuesStored} values stored`);
    return result;
  }
}
