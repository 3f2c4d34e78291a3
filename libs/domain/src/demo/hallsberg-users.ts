import { RoleKey } from '../org/roles';

export interface DemoRoleAssignment {
  role: RoleKey;
  unitKey: string;
}

export interface DemoUser {
  /** Lowercase ASCII, memorable: the role and where it sits (`bin.ordforande`, `transten.rektor`). */
  username: string;
  name: string;
  email: string;
  /** Swedish job title shown in the UI. */
  title: string;
  assignments: DemoRoleAssignment[];
}

export const DEMO_EMAIL_DOMAIN = 'hallsberg.example';

const person = (
  username: string,
  name: string,
  title: string,
  ...assignments: [RoleKey, string][]
): DemoUser => ({
  username,
  name,
  email: `${username}@${DEMO_EMAIL_DOMAIN}`,
  title,
  assignments: assignments.map(([role, unitKey]) => ({ role, unitKey })),
});

/*
 * Every role is staffed wherever it lives, so every document of the demo year has someone to
 * write it and someone to decide it: a chair and a secretary per nämnd and company, a chief per
 * förvaltning, område and enhet, and case officers at each förvaltning and at Myndighetsnämnden.
 */
export const DEMO_USERS: readonly DemoUser[] = [
  person('admin', 'Maria Lindqvist', 'Systemförvaltare', ['admin', 'kommun']),
  person('registrator', 'Karin Berg', 'Registrator', ['registrator', 'kommun']),

  person('kf.ordforande', 'Lars Persson', 'Kommunfullmäktiges ordförande', ['kf.ordforande', 'kf']),
  person('kf.sekreterare', 'Eva Nyström', 'Kommunsekreterare', ['kf.sekreterare', 'kf']),
  person(
    'ks.ordforande',
    'Anders Johansson',
    'Kommunstyrelsens ordförande',
    ['ks.ordforande', 'ks'],
    ['namnd.ordforande', 'ks'],
  ),
  person(
    'ks.sekreterare',
    'Sofia Karlsson',
    'Kommunstyrelsens sekreterare',
    ['ks.sekreterare', 'ks'],
    ['namnd.sekreterare', 'ks'],
  ),

  person('bin.ordforande', 'Ingrid Svensson', 'Bildningsnämndens ordförande', ['namnd.ordforande', 'bin']),
  person('bin.sekreterare', 'Johan Ek', 'Nämndsekreterare', ['namnd.sekreterare', 'bin']),
  person('san.ordforande', 'Per Axelsson', 'Social- och arbetsmarknadsnämndens ordförande', [
    'namnd.ordforande',
    'san',
  ]),
  person('san.sekreterare', 'Lena Holm', 'Nämndsekreterare', ['namnd.sekreterare', 'san']),
  person('dsn.ordforande', 'Göran Lund', 'Drift- och servicenämndens ordförande', [
    'namnd.ordforande',
    'dsn',
  ]),
  person('dsn.sekreterare', 'Annika Sjöberg', 'Nämndsekreterare', ['namnd.sekreterare', 'dsn']),
  person('myn.ordforande', 'Bengt Wallin', 'Myndighetsnämndens ordförande', ['namnd.ordforande', 'myn']),
  person('myn.sekreterare', 'Camilla Ström', 'Nämndsekreterare', ['namnd.sekreterare', 'myn']),
  person('val.ordforande', 'Kerstin Dahl', 'Valnämndens ordförande', ['namnd.ordforande', 'val']),
  person('val.sekreterare', 'Emil Forsberg', 'Valsamordnare', ['namnd.sekreterare', 'val']),
  person('hbab.ordforande', 'Stefan Gustafsson', 'Styrelseordförande, Hallsbergs Bostads AB', [
    'namnd.ordforande',
    'hbab',
  ]),
  person('hbab.sekreterare', 'Malin Öberg', 'Styrelsesekreterare, Hallsbergs Bostads AB', [
    'namnd.sekreterare',
    'hbab',
  ]),

  person('ksf.fvc', 'Peter Hedlund', 'Kommundirektör', ['forvaltningschef', 'ksf']),
  person('bin.fvc', 'Helena Björk', 'Förvaltningschef, bildningsförvaltningen', [
    'forvaltningschef',
    'bin-f',
  ]),
  person('san.fvc', 'Mikael Sandberg', 'Förvaltningschef, social- och arbetsmarknadsförvaltningen', [
    'forvaltningschef',
    'san-f',
  ]),
  person('dsn.fvc', 'Ulrika Nordin', 'Förvaltningschef, drift- och serviceförvaltningen', [
    'forvaltningschef',
    'dsn-f',
  ]),

  person('ekonomi.chef', 'Tomas Engström', 'Ekonomichef', ['omradeschef', 'ekonomi']),
  person('hr.chef', 'Anna Wikström', 'HR-chef', ['omradeschef', 'hr']),
  person('kansli.chef', 'Fredrik Lindberg', 'Kanslichef', ['omradeschef', 'kansli']),
  person('forskola.chef', 'Sara Mattsson', 'Verksamhetschef förskola', ['omradeschef', 'forskola']),
  person('grundskola.chef', 'Jonas Bergström', 'Verksamhetschef grundskola', ['omradeschef', 'grundskola']),
  person('gymnasium.chef', 'Eva Sundqvist', 'Verksamhetschef gymnasium och vuxenutbildning', [
    'omradeschef',
    'gymnasium',
  ]),
  person('aldreomsorg.chef', 'Birgitta Hansson', 'Verksamhetschef äldreomsorg', [
    'omradeschef',
    'aldreomsorg',
  ]),
  person('ifo.chef', 'Niklas Falk', 'Verksamhetschef individ- och familjeomsorg', ['omradeschef', 'ifo']),
  person('arbetsmarknad.chef', 'Jenny Åberg', 'Verksamhetschef arbetsmarknad', [
    'omradeschef',
    'arbetsmarknad',
  ]),
  person('fastighet.chef', 'Magnus Holmgren', 'Fastighetschef', ['omradeschef', 'fastighet']),
  person('kost.chef', 'Lina Blom', 'Kost- och städchef', ['omradeschef', 'kost-stad']),
  person('gatapark.chef', 'Henrik Lindgren', 'Gatu- och parkchef', ['omradeschef', 'gata-park']),

  person('redovisning.chef', 'Elin Norberg', 'Redovisningschef', ['enhetschef', 'redovisning']),
  person('upphandling.chef', 'Oskar Jakobsson', 'Upphandlingschef', ['enhetschef', 'upphandling']),
  person('lonecenter.chef', 'Susanne Lundin', 'Lönechef', ['enhetschef', 'lonecenter']),
  person('hrstod.chef', 'Patrik Söderberg', 'Enhetschef HR-stöd', ['enhetschef', 'hr-stod']),
  person('registratur.chef', 'Gunilla Eklund', 'Arkivarie och enhetschef', ['enhetschef', 'registratur']),
  person('kommunikation.chef', 'Jessica Hellström', 'Kommunikationschef', ['enhetschef', 'kommunikation']),
  person('fagelsangen.chef', 'Maja Nilsson', 'Förskolechef', ['enhetschef', 'fagelsangen']),
  person('solrosen.chef', 'Ida Sjögren', 'Förskolechef', ['enhetschef', 'solrosen']),
  person('ekoxen.chef', 'Hanna Larsson', 'Förskolechef', ['enhetschef', 'ekoxen']),
  person('transten.rektor', 'Erik Andersson', 'Rektor, Transtenskolan', ['enhetschef', 'transten']),
  person('ekangen.rektor', 'Cecilia Olsson', 'Rektor, Ekängsskolan', ['enhetschef', 'ekangen']),
  person('ostansjo.rektor', 'Robert Eriksson', 'Rektor, Östansjö skola', ['enhetschef', 'ostansjo']),
  person('vretstorp.rektor', 'Linda Pettersson', 'Rektor, Vretstorps skola', ['enhetschef', 'vretstorp']),
  person('alle.rektor', 'Mats Gunnarsson', 'Rektor, Alléskolan', ['enhetschef', 'alleskolan']),
  person('vux.rektor', 'Åsa Magnusson', 'Rektor, Vuxenutbildningen', ['enhetschef', 'vuxenutbildning']),
  person('elevhalsa.chef', 'Therese Jonsson', 'Elevhälsochef', ['enhetschef', 'elevhalsa']),
  person('skogsglantan.chef', 'Monica Karlström', 'Enhetschef, Skogsgläntans äldreboende', [
    'enhetschef',
    'skogsglantan',
  ]),
  person('solgarden.chef', 'Ann-Sofie Berglund', 'Enhetschef, Solgårdens äldreboende', [
    'enhetschef',
    'solgarden',
  ]),
  person('hemtjanst.chef', 'Daniel Isaksson', 'Enhetschef, hemtjänsten', ['enhetschef', 'hemtjanst']),
  person('barnfamilj.chef', 'Petra Fransson', 'Enhetschef, barn och familj', ['enhetschef', 'barn-familj']),
  person('vuxenenheten.chef', 'Kristoffer Lund', 'Enhetschef, vuxenenheten', ['enhetschef', 'vuxenenheten']),
  person('jobbcentrum.chef', 'Amir Haddad', 'Enhetschef, Jobbcentrum', ['enhetschef', 'jobbcentrum']),
  person('etablering.chef', 'Nadia Yousef', 'Enhetschef, integration och etablering', [
    'enhetschef',
    'etablering',
  ]),
  person('fastighetsdrift.chef', 'Jan Strand', 'Driftchef', ['enhetschef', 'fastighetsdrift']),
  person('lokal.chef', 'Karl Ekström', 'Lokalstrateg', ['enhetschef', 'lokalforsorjning']),
  person('centralkoket.chef', 'Rebecka Wahlström', 'Kostchef, Centralköket', ['enhetschef', 'centralkoket']),
  person('lokalvard.chef', 'Zeynep Demir', 'Enhetschef, lokalvården', ['enhetschef', 'lokalvard']),
  person('gata.chef', 'Olof Sundström', 'Enhetschef, gata och trafik', ['enhetschef', 'gata-trafik']),
  person('park.chef', 'Mattias Björklund', 'Enhetschef, park och natur', ['enhetschef', 'park-natur']),

  person('bin.handlaggare', 'Klara Lindahl', 'Utredare, bildningsförvaltningen', ['handlaggare', 'bin-f']),
  person('san.handlaggare', 'Victor Engberg', 'Controller, social- och arbetsmarknadsförvaltningen', [
    'handlaggare',
    'san-f',
  ]),
  person('dsn.handlaggare', 'Frida Nyberg', 'Verksamhetsutvecklare, drift- och serviceförvaltningen', [
    'handlaggare',
    'dsn-f',
  ]),
  // The finance department prepares KS's documents for the whole municipality (GPF, Budget och
  // flerårsplan, the municipality's interim report and årsredovisning): the role on the förvaltning
  // reaches KS's documents, the one on Ekonomiavdelningen its own.
  person(
    'ksf.ekonom',
    'Alexander Holmberg',
    'Budgetekonom',
    ['handlaggare', 'ekonomi'],
    ['handlaggare', 'ksf'],
  ),
  // Myndighetsnämnden has no förvaltning; its case officer is placed on the nämnd itself.
  person('myn.handlaggare', 'Sanna Wiklund', 'Bygglovshandläggare', ['handlaggare', 'myn']),
  person('val.handlaggare', 'Lina Holm', 'Valhandläggare', ['handlaggare', 'val']),
  person('hbab.handlaggare', 'David Nord', 'Ekonom, Hallsbergs Bostads AB', ['handlaggare', 'hbab']),
  // The company's managing director writes its report to KS (bolagsrapport).
  person('hbab.vd', 'Karin Lövgren', 'VD, Hallsbergs Bostads AB', ['handlaggare', 'hbab']),
  // The kommunalförbund's direktion: its chair and secretary (Hallsberg's representatives in the demo).
  person('sydnarke.ordforande', 'Ulf Berglund', 'Direktionens ordförande, Sydnärkes utbildningsförbund', [
    'namnd.ordforande',
    'sydnarke',
  ]),
];
