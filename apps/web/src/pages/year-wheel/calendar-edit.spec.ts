import type { CalendarEntryView } from '@rodtrad/contracts';
import {
  calendarEditField,
  calendarEditInitialValue,
  calendarLineId,
  calendarSavedMessage,
  calendarUpdateBody,
} from './calendar-edit';

const line = (over: Partial<CalendarEntryView>): CalendarEntryView => ({
  key: 'enhetsplan',
  documentType: 'enhetsplan',
  title: 'Enhetsplan',
  date: '2028-01-31',
  period: null,
  relativeDays: null,
  ksMonth: null,
  description: null,
  edited: false,
  ...over,
});
const enhetsplan = line({});
const mars = line({
  key: 'manadsrapport',
  documentType: 'manadsrapport',
  title: 'Månadsrapport mars 2028',
  date: '2028-04-15',
  period: '2028-03',
});
const atgardsplan = line({
  key: 'atgardsplan',
  documentType: 'atgardsplan',
  title: 'Åtgärdsplan',
  date: null,
  relativeDays: 30,
});
const budgetdialog = line({ key: 'budgetdialog', documentType: null, title: 'Budgetdialog' });

describe('editing a line of the year wheel', () => {
  it('edits the day of a dated line and the days of the relative åtgärdsplan line', () => {
    expect(calendarEditField(enhetsplan)).toBe('date');
    expect(calendarEditField(mars)).toBe('date');
    expect(calendarEditField(atgardsplan)).toBe('relativeDays');
    expect(calendarEditInitialValue(enhetsplan)).toBe('2028-01-31');
    expect(calendarEditInitialValue(atgardsplan)).toBe('30');
  });

  it('names a line by key and period, safe as a DOM id', () => {
    expect(calendarLineId(enhetsplan)).toBe('enhetsplan');
    expect(calendarLineId(mars)).toBe('manadsrapport-2028-03');
    expect(calendarLineId({ key: 'delar', period: 'D 1/2' })).toBe('delar-D-1-2');
  });

  it('sends the date, with the period for a periodic line, and days for the relative line', () => {
    expect(calendarUpdateBody(enhetsplan, ' 2028-02-20 ')).toEqual({ date: '2028-02-20' });
    expect(calendarUpdateBody(mars, '2028-04-22')).toEqual({ date: '2028-04-22', period: '2028-03' });
    expect(calendarUpdateBody(atgardsplan, '45')).toEqual({ relativeDays: 45 });
  });

  it('leaves an empty value out so the server says what is missing, at the field', () => {
    expect(calendarUpdateBody(enhetsplan, '')).toEqual({});
    expect(calendarUpdateBody(mars, '  ')).toEqual({ period: '2028-03' });
    expect(calendarUpdateBody(atgardsplan, 'trettio')).toEqual({});
    // a fraction is sent as typed: the server refuses it as not a whole number
    expect(calendarUpdateBody(atgardsplan, '2.5')).toEqual({ relativeDays: 2.5 });
  });

  it('announces the new day and how many documents followed it, in Swedish', () => {
    expect(calendarSavedMessage({ ...enhetsplan, date: '2028-02-20' }, 12)).toBe(
      'Enhetsplan: nytt datum 2028-02-20. 12 dokument fick ny sista dag.',
    );
    expect(calendarSavedMessage(enhetsplan, 1)).toBe(
      'Enhetsplan: nytt datum 2028-01-31. 1 dokument fick ny sista dag.',
    );
    expect(calendarSavedMessage(enhetsplan, 0)).toBe(
      'Enhetsplan: nytt datum 2028-01-31. Inga dokument fick ny sista dag.',
    );
    expect(calendarSavedMessage({ ...atgardsplan, relativeDays: 45 }, 3)).toBe(
      'Åtgärdsplan: ny tidsfrist, 45 dagar efter utlösande händelse. 3 dokument fick ny sista dag.',
    );
    expect(calendarSavedMessage(budgetdialog, 0)).toBe('Budgetdialog: nytt datum 2028-01-31.');
  });
});
