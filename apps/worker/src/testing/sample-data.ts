import type { Recipient } from '@rodtrad/engine';
import type { DocumentRow } from '@rodtrad/persistence';
import { standIn } from './stand-in';

/** Someone the worker's specs tell things to. */
export const anna: Recipient = { userId: 'u-anna', name: 'Anna', email: 'anna@kommun.se' };

/** March's monthly report of unit-1, as a handler reads it; `fields` add what a spec needs more. */
export const marchReport = (fields: Partial<DocumentRow> = {}): DocumentRow =>
  standIn<DocumentRow>({ id: 'doc-1', title: 'Månadsrapport mars', orgUnitId: 'unit-1', ...fields });
