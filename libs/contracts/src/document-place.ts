import { nullableString } from './json-schema';

/**
 * Where a document stands, as every view of a document names it (the document list, tasks, the
 * approval page): its title and type, the unit that owns it, its year and period, and its step.
 */
export const documentPlace = {
  title: { type: 'string' },
  type: { type: 'string' },
  orgUnitId: { type: 'string' },
  orgUnitName: { type: 'string' },
  year: { type: 'integer' },
  period: nullableString,
  state: { type: 'string' },
  stateTitle: { type: 'string' },
} as const;

/** The members of `documentPlace`, for a view's `required` list (every member is sent). */
export const DOCUMENT_PLACE_MEMBERS = [
  'title',
  'type',
  'orgUnitId',
  'orgUnitName',
  'year',
  'period',
  'state',
  'stateTitle',
] as const;

/** Someone a view names (who did it, on whose behalf), or null. */
export const personRef = {
  type: 'object',
  nullable: true,
  required: ['id', 'name'],
  additionalProperties: false,
  properties: { id: { type: 'string' }, name: { type: 'string' } },
} as const;
