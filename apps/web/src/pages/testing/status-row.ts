import type { YearStatusRow } from '@rodtrad/contracts';

/** A row of the registrar's view for a spec: a slot without a document, unless `fields` say more. */
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
  ...fields,
});
