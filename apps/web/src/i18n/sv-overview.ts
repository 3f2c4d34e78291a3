// Search and the start page's overviews (#18): the registrar's year at a glance, what happened to
// my documents.
export const svOverview = {
  'search.title': 'Sök dokument',
  'search.intro': 'Sök på titel eller diarienummer bland de dokument du har behörighet att läsa.',
  'search.label': 'Sök på titel eller diarienummer',
  'search.placeholder': 'Sök dokument eller dnr',
  'search.submit': 'Sök',
  'search.tooShort': 'Skriv minst {n} tecken för att söka.',
  'search.none': 'Inga dokument matchar ”{q}”.',
  'search.found': '{n} dokument matchar ”{q}”.',
  'search.someOf': 'Visar {shown} av {total} dokument som matchar ”{q}”. Skriv mer för att begränsa.',
  'search.resultsLabel': 'Dokument som matchar ”{q}”',
  'search.col.title': 'Dokument',
  'search.col.dnr': 'Diarienummer',
  'search.col.unit': 'Enhet',
  'search.col.year': 'År',
  'search.col.state': 'Steg',
};
