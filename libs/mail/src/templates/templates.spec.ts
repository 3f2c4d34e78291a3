import { escalationMail } from './escalation-mails';
import { overdueMail, reminderDigestMail } from './deadline-mails';
import { render } from './layout';

const ref = {
  title: 'Enhetsplan 2027 – Transtenskolan',
  stepTitle: 'Utkast',
  unitName: 'Transtenskolan',
  dueAt: new Date('2027-03-15T22:59:59.999Z'),
  url: 'https://rodtrad.example/dokument/1',
};

describe('mail templates', () => {
  it('escapes what users wrote in the HTML part and keeps it verbatim in the text part', () => {
    const m = render('Ämne', { heading: 'Hej <b>', paragraphs: ['A & B "c"'] });
    expect(m.html).toContain('Hej &lt;b&gt;');
    expect(m.html).toContain('A &amp; B &quot;c&quot;');
    expect(m.text).toContain('A & B "c"');
    expect(m.html).toContain('lang="sv"');
  });

  it('gathers a day of reminders in one digest, soonest first', () => {
    const later = {
      ...ref,
      title: 'Enhetsplan 2028',
      dueAt: new Date('2027-04-01T21:59:59.999Z'),
      daysLeft: 14,
    };
    const m = reminderDigestMail('Erik Andersson', [later, { ...ref, daysLeft: 1 }]);
    expect(m.subject).toBe('Påminnelse: 2 dokument har snart sista dag');
    expect(m.text.indexOf('Enhetsplan 2027')).toBeLessThan(m.text.indexOf('Enhetsplan 2028'));
    expect(m.text).toContain('15 mars 2027 (i morgon)');
    expect(m.text).toContain('(om 14 dagar)');
  });

  it('tells the responsible and the level above in their own words', () => {
    expect(overdueMail(ref, 'responsible').text).toContain('är nu markerat som försenat');
    expect(overdueMail(ref, 'escalated').text).toContain('närmast överordnad nivå');
    expect(overdueMail(ref, 'escalated').subject).toBe('Försenat: Enhetsplan 2027 – Transtenskolan');
  });

  it('states a budget deviation with amount, threshold and measures, in Swedish kronor', () => {
    const m = escalationMail({
      kind: 'budget',
      toBody: 'ks',
      unitName: 'Bildningsnämnden',
      sourceTitle: 'Månadsrapport mars 2027',
      amount: -12_000_000,
      threshold: 5_480_000,
      measures: 'Anställningsstopp',
      description: null,
      escalationUrl: 'https://rodtrad.example/avvikelser/1',
      actionPlanUrl: null,
    });
    expect(m.subject).toMatch(/^Budgetavvikelse: Bildningsnämnden −12\s000\s000 kr$/);
    expect(m.text).toMatch(/underskott på 12\s000\s000 kr/);
    expect(m.text).toContain('Föreslagna åtgärder: Anställningsstopp');
  });
});
