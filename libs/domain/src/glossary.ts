/**
 * The one place where code words meet the Swedish the users read. Code is English except for
 * Swedish nouns without an exact English word, which stay Swedish and ASCII-folded (namnd,
 * forvaltning). Labels of enumerations live beside them (ORG_UNIT_KIND_LABELS, ROLES,
 * DOCUMENT_TYPES); this table covers the vocabulary in general.
 */
export interface GlossaryEntry {
  /** The word as used in identifiers, keys and file names. */
  code: string;
  /** Swedish UI word (singular, lower case unless a proper noun or abbreviation). */
  sv: string;
  /** English gloss, for readers of the code. */
  en: string;
}

const g = (code: string, sv: string, en: string): GlossaryEntry => ({ code, sv, en });

export const GLOSSARY: readonly GlossaryEntry[] = [
  g('kommun', 'kommun', 'municipality'),
  g('kommunkoncern', 'kommunkoncern', 'municipal group'),
  g('kf', 'kommunfullmäktige', 'municipal council'),
  g('ks', 'kommunstyrelse', 'executive board'),
  g('namnd', 'nämnd', 'committee'),
  g('styrelse', 'styrelse', 'board'),
  g('bolag', 'kommunalt bolag', 'municipal company'),
  g('kommunalforbund', 'kommunalförbund', 'municipal federation'),
  g('agarandel', 'ägarandel', 'ownership share'),
  g('forvaltning', 'förvaltning', 'administration'),
  g('forvaltningschef', 'förvaltningschef', 'head of administration'),
  g('omrade', 'område', 'area'),
  g('omradeschef', 'områdeschef', 'area manager'),
  g('enhet', 'enhet', 'unit'),
  g('enhetschef', 'enhetschef', 'unit manager'),
  g('medarbetare', 'medarbetare', 'employee'),
  g('apt', 'arbetsplatsträff', 'workplace meeting'),
  g('kommundirektor', 'kommundirektör', 'chief executive'),
  g('registrator', 'registrator', 'registrar'),
  g('handlaggare', 'handläggare', 'case officer'),
  g('ordforande', 'ordförande', 'chair'),
  g('sekreterare', 'sekreterare', 'secretary'),
  g('diarium', 'diarium', 'register'),
  g('diarienummer', 'diarienummer', 'registration number'),
  g('styrdokument', 'styrdokument', 'governing document'),
  g('vision', 'vision', 'vision'),
  g('vardeord', 'värdeord', 'core value'),
  g('strategiskt-omrade', 'strategiskt område', 'strategic area'),
  g('namndmal', 'nämndmål', 'committee goal'),
  g('strategi', 'strategi', 'strategy'),
  g('aktivitet', 'aktivitet', 'activity'),
  g('indikator', 'indikator', 'indicator'),
  g('ingangsvarde', 'ingångsvärde', 'start value'),
  g('malniva', 'målnivå', 'target level'),
  g('verksamhetsmatt', 'verksamhetsmått', 'volume measure'),
  g('nyckeltal', 'nyckeltal', 'key ratio'),
  g('maluppfyllelse', 'måluppfyllelse', 'goal fulfilment'),
  g('ram', 'ekonomisk ram', 'budget frame'),
  g('utfall', 'utfall', 'actual'),
  g('prognos', 'prognos', 'forecast'),
  g('avvikelse', 'avvikelse', 'deviation'),
  g('budgetavvikelse', 'budgetavvikelse', 'budget deviation'),
  g('balanskrav', 'balanskrav', 'balanced-budget requirement'),
  g('balanskravsresultat', 'balanskravsresultat', 'balance-requirement result'),
  g('atgardsplan', 'åtgärdsplan', 'action plan'),
  g('intern-kontroll', 'intern kontroll', 'internal control'),
  g('internkontrollplan', 'internkontrollplan', 'internal control plan'),
  g('risk', 'risk', 'risk'),
  g('sannolikhet', 'sannolikhet', 'likelihood'),
  g('konsekvens', 'konsekvens', 'consequence'),
  g('god-ekonomisk-hushallning', 'god ekonomisk hushållning', 'sound financial management'),
  g('uppsiktsplikt', 'uppsiktsplikt', 'duty of oversight'),
  g('arshjul', 'årshjul', 'year wheel'),
  g('mandatperiod', 'mandatperiod', 'term of office'),
  g('tertial', 'tertial', 'four-month period'),
  g('delar', 'delår', 'interim period'),
  g('gpf', 'gemensamma planeringsförutsättningar', 'common planning premises'),
  g('mal-och-budget', 'mål och budget', 'goals and budget'),
  g('forvaltningsplan', 'förvaltningsplan', 'administration plan'),
  g('verksamhetsplan', 'verksamhetsplan', 'area plan'),
  g('enhetsplan', 'enhetsplan', 'unit plan'),
  g('manadsrapport', 'månadsrapport', 'monthly report'),
  g('tertialrapport', 'tertialrapport', 'four-month report'),
  g('delarsrapport', 'delårsrapport', 'interim report'),
  g('verksamhetsberattelse', 'verksamhetsberättelse', 'annual activity report'),
  g('budget-och-flerarsplan', 'budget och flerårsplan', 'budget and multi-year plan'),
  g('delarsrapport-kommunen', 'delårsrapport för kommunen', "the municipality's interim report"),
  g('arsredovisning', 'årsredovisning', 'annual report'),
  g('kf-arende', 'ärende till kommunfullmäktige', 'matter referred to the municipal council'),
  g('bokslutsdialog', 'bokslutsdialog', 'year-end hearing of a nämnd or company before KS'),
  g('bolagsordning', 'bolagsordning', 'articles of association'),
  g('bolagspolicy', 'bolagspolicy', 'company policy'),
  g('agardirektiv-gemensamma', 'gemensamma ägardirektiv', 'common owner directives'),
  g('agardirektiv', 'ägardirektiv', 'owner directives'),
  g('bolagsrapport', 'bolagsrapport', "company's report to the executive board"),
  g(
    'ks-bolagsbedomning',
    'kommunstyrelsens bedömning av bolagen',
    "the executive board's yearly assessment of the companies",
  ),
  g('balanskravsutredning', 'balanskravsutredning', 'balance-requirement statement'),
  g('finansiellt-mal', 'finansiellt mål', 'financial goal'),
  g('skattesats', 'skattesats', 'tax rate'),
  g('uppfoljning', 'uppföljning', 'follow-up'),
  g('beslut', 'beslut', 'decision'),
  g('faststalla', 'fastställa', 'adopt'),
  g('anta', 'anta', 'approve'),
  g('aterremiss', 'återremiss', 'referral back'),
  g('justering', 'justering', 'minutes approval'),
  g('ersattare', 'ersättare', 'substitute'),
];

const bySv = new Map(GLOSSARY.map((entry) => [entry.sv.toLocaleLowerCase('sv'), entry]));
const byCode = new Map(GLOSSARY.map((entry) => [entry.code, entry]));

/** Swedish UI word for a code word; the code word itself when the glossary has none. */
export function toSwedish(code: string): string {
  return byCode.get(code)?.sv ?? code;
}

/** Code word for a Swedish UI word (case-insensitive); undefined when unknown. */
export function fromSwedish(word: string): string | undefined {
  return bySv.get(word.trim().toLocaleLowerCase('sv'))?.code;
}

/** ASCII-folds Swedish text the way code words are formed: "Förvaltning" → "forvaltning". */
export function asciiFold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}
