import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '@rodtrad/config';
import { koladaLinksOf, RED_THREAD_TYPES } from '@rodtrad/domain';
import { KoladaIndicators } from '@rodtrad/engine';
import { fromJsonColumn } from '@rodtrad/persistence';
import { OrgTreeService } from '../auth/org-tree.service';
import { ApiProblem } from '../common/problem/problem';
import { APP_CONFIG, DATA_SOURCE } from '../infrastructure/tokens';
import { buildRedThread, type RedThread, type RedThreadDocument } from './red-thread';

/** Reads the mandate period and the year's documents once, then follows the red thread. */
@Injectable()
export class RedThreadService {
  constructor(
    private readonly orgTree: OrgTreeService,
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * `only`: which of the year's documents the thread is built from, and with what data (the public
   * site keeps adopted, non-secret documents and takes out secret fields).
   */
  async get(
    year: number,
    namndId?: string,
    only?: (docs: (RedThreadDocument & { final: boolean })[]) => Promise<RedThreadDocument[]>,
  ): Promise<RedThread> {
    const tree = await this.orgTree.tree();
    if (namndId && !tree.get(namndId))
      throw ApiProblem.validation([{ pointer: '/query/namndId', message: 'Nämnden finns inte.' }]);
    const [period] = await this.ds.query(
      `SELECT id, start_year AS startYear, end_year AS endYear, vision, core_values AS coreValues
         FROM mandate_period WHERE start_year <= ? AND end_year >= ? ORDER BY start_year DESC LIMIT 1`,
      [year, year],
    );
    const areas = period
      ? await this.ds.query(
          'SELECT id, name, description FROM strategic_area WHERE mandate_period_id = ? ORDER BY sort_order, name',
          [period.id],
        )
      : [];
    const docs: Record<string, unknown>[] = await this.ds.query(
      `SELECT id, type, org_unit_id AS orgUnitId, state, final, period, data FROM document
        WHERE year = ? AND type IN (${RED_THREAD_TYPES.map(() => '?').join(',')})`,
      [year, ...RED_THREAD_TYPES],
    );
    const documents = docs.map((d) => ({
      id: String(d['id']),
      type: String(d['type']),
      orgUnitId: String(d['orgUnitId']),
      state: String(d['state']),
      final: Boolean(Number(d['final'])),
      period: d['period'] ? String(d['period']) : null,
      data: fromJsonColumn<Record<string, unknown>>(d['data']) ?? {},
    }));
    const shown = only ? await only(documents) : documents;
    const links = shown
      .filter((d) => d.type === 'mal-och-budget')
      .flatMap((d) => koladaLinksOf(d.type, d.data));
    const kolada = links.length
      ? await new KoladaIndicators(this.ds, this.config.koladaMunicipalityId).load(links)
      : undefined;
    return buildRedThread({
      year,
      kolada,
      tree,
      namndId,
      mandatePeriod: period
        ? {
            startYear: Number(period.startYear),
            endYear: Number(period.endYear),
            vision: period.vision,
            coreValues: fromJsonColumn<unknown[]>(period.coreValues),
          }
        : null,
      strategicAreas: areas,
      documents: shown,
    });
  }
}
