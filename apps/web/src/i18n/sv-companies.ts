// Companies and kommunalförbund under KS's uppsikt (#16): the holding, the companies' reports and
// KS's yearly assessment under kommunallagen 6 kap. 9 §.
export const svCompanies = {
  'nav.companies': 'Bolag och förbund',

  'companies.title': 'Bolag och kommunalförbund {year}',
  'companies.intro':
    'Kommunstyrelsen har uppsikt över kommunens helägda och delägda bolag och över kommunalförbunden. Bolagen styrs av bolagsordning, bolagspolicy och ägardirektiv som kommunfullmäktige beslutar, rapporterar till kommunstyrelsen och prövas varje år enligt kommunallagen 6 kap. 9 §.',
  'companies.owned': 'Ägande',
  'companies.ownedTable': 'Bolag och kommunalförbund med kommunens ägande',
  'companies.name': 'Namn',
  'companies.form': 'Form',
  'companies.holding': 'Ägarandel eller medlemmar',
  'companies.actions': 'Åtgärder',
  'companies.form.helagt': 'Helägt bolag',
  'companies.form.delagt': 'Delägt bolag',
  'companies.form.kommunalforbund': 'Kommunalförbund',
  'companies.none': 'Kommunen har inga bolag eller kommunalförbund registrerade.',
  'companies.edit': 'Ändra ägandet i {name}',
  'companies.editShort': 'Ändra ägande',
  'companies.share': 'Kommunens ägarandel i procent',
  'companies.shareHint': 'Större än 0 och högst 100, högst två decimaler. 100 betyder helägt.',
  'companies.members': 'Medlemskommuner',
  'companies.membersHint': 'En kommun per rad, kommunen själv medräknad.',
  'companies.saved': 'Ägandet i {name} är sparat.',
  'companies.reports': 'Bolagens rapporter till kommunstyrelsen',
  'companies.reportsIntro':
    'Bolagen rapporterar per 31 juli och efter bokslutet: resultat i kronor (vinst positivt, förlust negativt; ett bolag redovisar resultat, inte nettokostnad) och hur varje ägardirektiv uppfylls.',
  'companies.noReports': 'Inga bolagsrapporter för {year} ännu.',
  'companies.assessment': 'Kommunstyrelsens bedömning enligt 6 kap. 9 §',
  'companies.assessmentIntro':
    'För varje bolag prövar kommunstyrelsen om verksamheten har bedrivits i enlighet med det kommunala ändamålet och inom de kommunala befogenheterna. Ett bolag som inte har det förs till kommunfullmäktige.',
  'companies.noAssessment': 'Kommunstyrelsen har inte påbörjat bedömningen för {year}.',
  'companies.startAssessment': 'Starta bedömningen för {year}',
  'companies.starting': 'Startar…',
  'companies.state': 'Steg',
  'companies.document': 'Dokument',
} as const;
