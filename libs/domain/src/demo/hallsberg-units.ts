import { OrgUnitKind, OrgUnitNode } from '../org/org-unit';
import type { BodyOwnership } from '../org/ownership';

/** A unit of the demo municipality; keys are stable so seeds, tests and docs can refer to them. */
export interface DemoUnit {
  key: string;
  parentKey: string | null;
  kind: OrgUnitKind;
  name: string;
  code: string;
}

const u = (
  key: string,
  parentKey: string | null,
  kind: OrgUnitKind,
  name: string,
  code: string,
): DemoUnit => ({
  key,
  parentKey,
  kind,
  name,
  code,
});

/*
 * Nämnder and förvaltningar follow Hallsberg's real structure; områden and enheter are invented
 * but plausible. Myndighetsnämnden and Valnämnden have no förvaltning of their own (officials
 * from KSF serve them), which exercises namnd without children.
 */
export const DEMO_UNITS: readonly DemoUnit[] = [
  u('kommun', null, 'kommun', 'Hallsbergs kommun', 'HBG'),
  u('kf', 'kommun', 'kf', 'Kommunfullmäktige', 'KF'),
  u('ks', 'kommun', 'ks', 'Kommunstyrelsen', 'KS'),

  u('ksf', 'ks', 'forvaltning', 'Kommunstyrelseförvaltningen', 'KSF'),
  u('ekonomi', 'ksf', 'omrade', 'Ekonomiavdelningen', 'EKO'),
  u('redovisning', 'ekonomi', 'enhet', 'Redovisning och budget', 'REDO'),
  u('upphandling', 'ekonomi', 'enhet', 'Upphandlingsenheten', 'UPPH'),
  u('hr', 'ksf', 'omrade', 'HR-avdelningen', 'HR'),
  u('lonecenter', 'hr', 'enhet', 'Lönecenter', 'LON'),
  u('hr-stod', 'hr', 'enhet', 'HR-stöd', 'HRS'),
  u('kansli', 'ksf', 'omrade', 'Kansliavdelningen', 'KANS'),
  u('registratur', 'kansli', 'enhet', 'Registratur och arkiv', 'REG'),
  u('kommunikation', 'kansli', 'enhet', 'Kommunikationsenheten', 'KOMM'),

  u('bin', 'kommun', 'namnd', 'Bildningsnämnden', 'BIN'),
  u('bin-f', 'bin', 'forvaltning', 'Bildningsförvaltningen', 'BIF'),
  u('forskola', 'bin-f', 'omrade', 'Förskola', 'FSK'),
  u('fagelsangen', 'forskola', 'enhet', 'Fågelsångens förskola', 'FAGEL'),
  u('solrosen', 'forskola', 'enhet', 'Solrosens förskola', 'SOLR'),
  u('ekoxen', 'forskola', 'enhet', 'Ekoxens förskola', 'EKOX'),
  u('grundskola', 'bin-f', 'omrade', 'Grundskola', 'GSK'),
  u('transten', 'grundskola', 'enhet', 'Transtenskolan', 'TRAN'),
  u('ekangen', 'grundskola', 'enhet', 'Ekängsskolan', 'EKA'),
  u('ostansjo', 'grundskola', 'enhet', 'Östansjö skola', 'OSTA'),
  u('vretstorp', 'grundskola', 'enhet', 'Vretstorps skola', 'VRET'),
  u('elevhalsa', 'bin-f', 'enhet', 'Central elevhälsa', 'ELEV'),

  u('san', 'kommun', 'namnd', 'Social- och arbetsmarknadsnämnden', 'SAN'),
  u('san-f', 'san', 'forvaltning', 'Social- och arbetsmarknadsförvaltningen', 'SAF'),
  u('aldreomsorg', 'san-f', 'omrade', 'Äldreomsorg', 'AO'),
  u('skogsglantan', 'aldreomsorg', 'enhet', 'Skogsgläntans äldreboende', 'SKOG'),
  u('solgarden', 'aldreomsorg', 'enhet', 'Solgårdens äldreboende', 'SOLG'),
  u('hemtjanst', 'aldreomsorg', 'enhet', 'Hemtjänsten Hallsberg', 'HEMT'),
  u('ifo', 'san-f', 'omrade', 'Individ- och familjeomsorg', 'IFO'),
  u('barn-familj', 'ifo', 'enhet', 'Barn och familj', 'BOF'),
  u('vuxenenheten', 'ifo', 'enhet', 'Vuxenenheten', 'VUXE'),
  u('arbetsmarknad', 'san-f', 'omrade', 'Arbetsmarknad', 'AME'),
  u('jobbcentrum', 'arbetsmarknad', 'enhet', 'Jobbcentrum', 'JOBB'),
  u('etablering', 'arbetsmarknad', 'enhet', 'Integration och etablering', 'ETAB'),

  u('dsn', 'kommun', 'namnd', 'Drift- och servicenämnden', 'DSN'),
  u('dsn-f', 'dsn', 'forvaltning', 'Drift- och serviceförvaltningen', 'DSF'),
  u('fastighet', 'dsn-f', 'omrade', 'Fastighet', 'FAST'),
  u('fastighetsdrift', 'fastighet', 'enhet', 'Fastighetsdrift', 'FDR'),
  u('lokalforsorjning', 'fastighet', 'enhet', 'Lokalförsörjning', 'LOKF'),
  u('kost-stad', 'dsn-f', 'omrade', 'Kost och städ', 'KOST'),
  u('centralkoket', 'kost-stad', 'enhet', 'Centralköket Sköllersta', 'CKOK'),
  u('lokalvard', 'kost-stad', 'enhet', 'Lokalvården', 'LOKV'),
  u('gata-park', 'dsn-f', 'omrade', 'Gata och park', 'GATA'),
  u('gata-trafik', 'gata-park', 'enhet', 'Gata och trafik', 'GTRA'),
  u('park-natur', 'gata-park', 'enhet', 'Park och natur', 'PARK'),

  u('myn', 'kommun', 'namnd', 'Myndighetsnämnden', 'MYN'),
  u('val', 'kommun', 'namnd', 'Valnämnden', 'VAL'),
  u('hbab', 'kommun', 'bolag', 'Hallsbergs Bostads AB', 'HBAB'),

  // Upper-secondary and adult education are run by a kommunalförbund that Hallsberg shares with its
  // neighbours (Sydnärkes utbildningsförbund: Askersund, Hallsberg, Kumla, Laxå), not by
  // Bildningsförvaltningen; the seeder moves the område there in databases seeded before.
  u('sydnarke', 'kommun', 'kommunalforbund', 'Sydnärkes utbildningsförbund', 'SNUF'),
  u('gymnasium', 'sydnarke', 'omrade', 'Gymnasium och vuxenutbildning', 'GYV'),
  u('alleskolan', 'gymnasium', 'enhet', 'Alléskolan', 'ALLE'),
  u('vuxenutbildning', 'gymnasium', 'enhet', 'Vuxenutbildningen', 'VUX'),
];

/**
 * What the municipality holds of its companies and kommunalförbund, by unit key: Hallsbergs
 * Bostads AB is wholly owned; the förbund's members are the four municipalities of Sydnärke.
 */
export const DEMO_OWNERSHIP: Readonly<Record<string, BodyOwnership>> = {
  hbab: { sharePercent: 100, memberMunicipalities: [] },
  sydnarke: { sharePercent: null, memberMunicipalities: ['Askersund', 'Hallsberg', 'Kumla', 'Laxå'] },
};

/**
 * Demo units that moved since an earlier seed: where each was and where it is now. The seeder moves
 * such a unit only while it still sits where the earlier seed put it, so an administrator's own
 * move survives.
 */
export const DEMO_UNIT_MOVES: readonly { key: string; fromParentKey: string; toParentKey: string }[] = [
  { key: 'gymnasium', fromParentKey: 'bin-f', toParentKey: 'sydnarke' },
];

/** The demo units as org-tree nodes; the key doubles as id, since the demo has no database. */
export function demoOrgUnits(units: readonly DemoUnit[] = DEMO_UNITS): OrgUnitNode[] {
  return units.map((unit) => ({
    id: unit.key,
    parentId: unit.parentKey,
    kind: unit.kind,
    name: unit.name,
    code: unit.code,
  }));
}
