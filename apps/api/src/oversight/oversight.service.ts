import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { GpfUnderlagView, KfInformationView } from '@rodtrad/contracts';
import { goesToKfForInformation, isKfInformationType, KF_INFORMATION_TYPES } from '@rodtrad/domain';
import { MunicipalYearWheel } from '@rodtrad/engine';
import { AdminAuditRepository } from '@rodtrad/persistence';
import { ApiProblem } from '../common/problem/problem';
import { DATA_SOURCE } from '../infrastructure/tokens';

interface SettingRow {
  documentType: string;
  period: string;
  toKf: number;
}

/**
 * KF's part in the follow-up: which of the nämnders' tertial reports go on to KF for information
 * (a setting per line of the year wheel), and the underlag of a GPF: the year-end hearings of the
 * year its spring follows up, with their conclusions and the budget dialogue's notes.
 */
@Injectable()
export class OversightService {
  constructor(
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
    private readonly wheel: MunicipalYearWheel,
    private readonly audit: AdminAuditRepository,
  ) {}

  async kfInformation(year: number): Promise<KfInformationView> {
    const settings = await this.settings(year);
    const lines = (await this.wheel.wheel(year)).filter(
      (e) => isKfInformationType(e.key) && e.period !== undefined,
    );
    return {
      year,
      items: lines.map((e) => {
        const set = settings.find((s) => s.documentType === e.key && s.period === e.period);
        return {
          documentType: e.key as (typeof KF_INFORMATION_TYPES)[number],
          period: e.period as string,
          title: e.title,
          date: e.date,
          toKf: goesToKfForInformation(e.key, e.period ?? null, settings),
          configured: set !== undefined,
        };
      }),
    };
  }

  /** Sets one line; a report already past KS keeps its course, one still before KS follows the setting. */
  async setKfInformation(
    year: number,
    documentType: string,
    period: string,
    toKf: boolean,
    userId: string,
  ): Promise<KfInformationView> {
    const known = (await this.kfInformation(year)).items;
    if (!isKfInformationType(documentType))
      throw ApiProblem.validation([
        {
          pointer: '/path/documentType',
          message: 'Bara nämndernas tertialrapporter kan gå till fullmäktige för kännedom.',
        },
      ]);
    if (!known.some((l) => l.documentType === documentType && l.period === period))
      throw ApiProblem.validation([
        { pointer: '/path/period', message: 'Årshjulet har ingen sådan period för året.' },
      ]);
    await this.ds.transaction(async (m) => {
      await m.query(
        `INSERT INTO year_wheel_kf_information (year, document_type, period, to_kf, updated_by_user_id)
         VALUES (?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE to_kf = VALUES(to_kf), updated_by_user_id = VALUES(updated_by_user_id)`,
        [year, documentType, period, toKf ? 1 : 0, userId],
      );
      await this.audit.append(
        {
          actorUserId: userId,
          action: 'year-wheel.kf-information',
          entityType: 'year_wheel',
          entityId: `${year}:${documentType}:${period}`,
          details: { year, documentType, period, toKf },
        },
        m,
      );
    });
    return this.kfInformation(year);
  }

  /**
   * The GPF of budget year `year` is decided in June of `year − 1`; the year-end hearings of that
   * spring follow up `year − 2`, as did the February budget dialogue. Hearings not yet recorded are
   * listed too (with what they hold so far), so the preparers see what is still to come.
   */
  async gpfUnderlag(year: number): Promise<GpfUnderlagView> {
    const hearingYear = year - 2;
    const rows: Record<string, unknown>[] = await this.ds.query(
      `SELECT d.id, d.title, d.org_unit_id AS orgUnitId, u.name AS orgUnitName, u.kind AS unitKind, d.state, d.final,
          JSON_VALUE(wd.definition, CONCAT('$.machine.states.', d.state, '.meta.title')) AS stateTitle,
          JSON_VALUE(d.data, '$.mote.datum') AS meetingDate, JSON_VALUE(d.data, '$.analys') AS analysis,
          JSON_VALUE(d.data, '$.slutsatser') AS conclusions, JSON_VALUE(d.data, '$.budgetdialog') AS budgetDialogueNotes,
          (SELECT r.id FROM document r WHERE r.org_unit_id = d.org_unit_id AND r.year = d.year
              AND r.type IN ('verksamhetsberattelse', 'bolagsrapport')
            ORDER BY r.type = 'verksamhetsberattelse' DESC, r.period DESC LIMIT 1) AS annualReportDocumentId
         FROM document d JOIN org_unit u ON u.id = d.org_unit_id JOIN workflow_definition wd ON wd.id = d.definition_id
        WHERE d.type = 'bokslutsdialog' AND d.year = ? ORDER BY u.name`,
      [hearingYear],
    );
    const dialogue = (await this.wheel.wheel(year)).find((e) => e.key === 'budgetdialog');
    const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v : null);
    return {
      year,
      hearingYear,
      budgetDialogueDate: dialogue?.date ?? null,
      hearings: rows.map((r) => ({
        documentId: String(r['id']),
        title: String(r['title']),
        orgUnitId: String(r['orgUnitId']),
        orgUnitName: String(r['orgUnitName']),
        state: String(r['state']),
        stateTitle: String(r['stateTitle'] ?? r['state']),
        final: Boolean(Number(r['final'])),
        meetingDate: text(r['meetingDate']),
        analysis: text(r['analysis']),
        conclusions: text(r['conclusions']),
        budgetDialogueNotes: text(r['budgetDialogueNotes']),
        annualReportDocumentId: r['annualReportDocumentId'] ? String(r['annualReportDocumentId']) : null,
      })),
    };
  }

  private async settings(year: number): Promise<{ documentType: string; period: string; toKf: boolean }[]> {
    const rows: SettingRow[] = await this.ds.query(
      `SELECT document_type AS documentType, period, to_kf AS toKf FROM year_wheel_kf_information WHERE year = ?`,
      [year],
    );
    return rows.map((r) => ({
      documentType: r.documentType,
      period: r.period,
      toKf: Boolean(Number(r.toKf)),
    }));
  }
}
