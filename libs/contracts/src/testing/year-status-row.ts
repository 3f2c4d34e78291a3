import type { YearStatusRow } from '../year.contract';

/**
 * A row of the registrar's view for a spec (web, API and contract specs alike): a slot without a
 * document, unless `fields` say more.
 */
export const statusRow = (
  fields: Pick<YearStatusRow, 'orgUnitId' | 'orgUnitName' | 'documentType'> & Partial<YearStatusRow>,
): YearStatusRow => ({
  period: null,
  documentId: null,
  state: null,
  stateTitle: null,
  dueAt: null,
  overdue: false,
  submittedAt: null,
  decidedAt: null,
  diarienummer: null,
  phase: 'not_started',
  ...fields,
});
