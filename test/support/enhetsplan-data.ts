/**
 * An enhetsplan's form data that its SUBMIT check accepts in the demo organisation: one activity
 * under Bildningsnämndens goal BIN-1 (which the nämnd's adopted Mål- och budget must hold).
 */
export const ENHETSPLAN_DATA = {
  aktiviteter: [
    {
      titel: 'Läsfrämjande i alla klasser',
      namndmalId: 'BIN-1',
      ansvarig: 'Erik Andersson',
      klartDatum: '2027-06-01',
      status: 'planerad',
    },
  ],
  fokusomraden: ['Läsning'],
  aptDatum: '2027-01-15',
};
