// The CBS area hierarchy: Nederland → provincie / GGD-regio / jeugdregio → gemeente → wijk.
// Read from the shipped files in data/ (real CBS geography; attribution in data/README.md).

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

export const AREA_LEVELS = ['land', 'provincie', 'ggdregio', 'jeugdregio', 'gemeente', 'wijk'] as const;
export type AreaLevel = (typeof AREA_LEVELS)[number];
export type RegionLevel = 'provincie' | 'ggdregio' | 'jeugdregio';
export const REGION_LEVELS: readonly RegionLevel[] = ['provincie', 'ggdregio', 'jeugdregio'];

export const NETHERLANDS_CODE = 'NL01';

export const GEOGRAPHY_ATTRIBUTION =
  'Bron: CBS, Kadaster/PDOK (CBS gebiedsindelingen, Wijk- en buurtkaart 2023/2024), CC BY 4.0; via cartomap/nl, bewerkt door Kansrijk';

/** The parents an area has, by level (a wijk has all five; Nederland none). */
export type AreaParents = Partial<Record<Exclude<AreaLevel, 'wijk'>, string>>;

export interface Area {
  code: string;
  name: string;
  level: AreaLevel;
  parents: AreaParents;
  /** First year of the CBS area division this area comes from; null = no known start. */
  validFrom: number | null;
  /** Last year it is valid; null = still valid as far as the shipped data knows. */
  validTo: number | null;
  /** Inhabitants (CBS KWB 2024), the base of the demo denominators. */
  inhabitants: number;
}

/** Real CBS characteristics of a gemeente (KWB 2023) used for demo data and comparisons. */
export interface GemeenteCharacteristics {
  code: string;
  inhabitants: number;
  households: number;
  /** CBS stedelijkheid: 1 = very strongly urban … 5 = not urban. */
  urbanity: number;
  density: number;
  pctAge0to15: number;
  pctAge15to25: number;
  pctAge25to45: number;
  pctAge45to65: number;
  pctAge65plus: number;
  pctOnePersonHouseholds: number;
  pctHouseholdsWithChildren: number;
  averageHouseholdSize: number;
  pctOriginOutsideEurope: number;
  pctDivorced: number;
}

/** Real CBS figures of a wijk (KWB 2024). */
export interface WijkCharacteristics {
  code: string;
  gemeenteCode: string;
  inhabitants: number;
  dwellings: number;
  /** Inhabitants per km²; null where CBS publishes none (wijken with hardly anyone living there). */
  density: number | null;
}

export const dataDir = fileURLToPath(new URL('../../data/', import.meta.url));

function readCsv(relativePath: string): Record<string, string>[] {
  return parse(readFileSync(dataDir + relativePath, 'utf8'), { columns: true, skip_empty_lines: true, bom: true });
}

function readTopology(relativePath: string): any {
  return JSON.parse(readFileSync(dataDir + relativePath, 'utf8'));
}

function toNumber(value: string | undefined, what: string): number {
  const n = Number(value);
  if (value === undefined || value === '' || !Number.isFinite(n)) throw new Error(`shipped data: ${what} is not a number: '${value}'`);
  return n;
}

export function loadGemeenteCharacteristics(): GemeenteCharacteristics[] {
  return readCsv('tables/kwb_2023_gemeente.csv').map((r) => ({
    code: r.gemeentecode!,
    inhabitants: toNumber(r.aantalInwoners, `${r.gemeentecode} aantalInwoners`),
    households: toNumber(r.aantalHuishoudens, `${r.gemeentecode} aantalHuishoudens`),
    urbanity: toNumber(r.stedelijkheidAdressenPerKm2, `${r.gemeentecode} stedelijkheid`),
    density: toNumber(r.bevolkingsdichtheidInwonersPerKm2, `${r.gemeentecode} dichtheid`),
    pctAge0to15: toNumber(r.percentagePersonen0Tot15Jaar, `${r.gemeentecode} 0-15`),
    pctAge15to25: toNumber(r.percentagePersonen15Tot25Jaar, `${r.gemeentecode} 15-25`),
    pctAge25to45: toNumber(r.percentagePersonen25Tot45Jaar, `${r.gemeentecode} 25-45`),
    pctAge45to65: toNumber(r.percentagePersonen45Tot65Jaar, `${r.gemeentecode} 45-65`),
    pctAge65plus: toNumber(r.percentagePersonen65JaarEnOuder, `${r.gemeentecode} 65+`),
    pctOnePersonHouseholds: toNumber(r.percentageEenpersoonshuishoudens, `${r.gemeentecode} eenpersoons`),
    pctHouseholdsWithChildren: toNumber(r.percentageHuishoudensMetKinderen, `${r.gemeentecode} met kinderen`),
    averageHouseholdSize: toNumber(r.gemiddeldeHuishoudsgrootte, `${r.gemeentecode} huishoudgrootte`),
    pctOriginOutsideEurope: toNumber(r.percentageMetHerkomstlandBuitenEuropa, `${r.gemeentecode} herkomst`),
    pctDivorced: toNumber(r.percentageGescheid, `${r.gemeentecode} gescheiden`),
  }));
}

export function loadWijkCharacteristics(): WijkCharacteristics[] {
  return readCsv('tables/kwb_2024_gemeente_wijk_basis.csv')
    .filter((r) => r.soort === 'Wijk')
    .map((r) => ({
      code: r.regiocode!,
      gemeenteCode: r.gemeentecode!,
      inhabitants: toNumber(r.AantalInwoners_5, `${r.regiocode} inwoners`),
      // CBS leaves the dwelling count empty for a few tiny wijken; none is the honest reading.
      dwellings: r.Woningvoorraad_35 === '' ? 0 : toNumber(r.Woningvoorraad_35, `${r.regiocode} woningvoorraad`),
      density: r.Bevolkingsdichtheid_34 === '' ? null : toNumber(r.Bevolkingsdichtheid_34, `${r.regiocode} dichtheid`),
    }));
}

/** Every area of the shipped geography, parents before children. */
export function loadAreas(): Area[] {
  const regions = readCsv('tables/gemeente_regio_2025.csv');
  const kwb2024 = new Map(readCsv('tables/kwb_2024_gemeente_wijk_basis.csv').map((r) => [r.regiocode!, r]));
  const inhabitantsOf = (code: string) => toNumber(kwb2024.get(code)?.AantalInwoners_5, `${code} inwoners`);
  const gemeenteTopo = readTopology('geo/nl_gemeente_regio_2023.topo.json');
  const wijkTopo = readTopology('geo/nl_wijk_2024.topo.json');

  const gemeenten: Area[] = regions.map((r) => ({
    code: r.gemeentecode!,
    name: r.gemeentenaam!,
    level: 'gemeente',
    parents: { provincie: r.provinciecode!, ggdregio: r.ggdregiocode!, jeugdregio: r.jeugdregiocode!, land: NETHERLANDS_CODE },
    validFrom: 2023,
    validTo: null,
    inhabitants: inhabitantsOf(r.gemeentecode!),
  }));
  const gemeenteByCode = new Map(gemeenten.map((g) => [g.code, g]));

  const regionAreas: Area[] = [];
  for (const level of REGION_LEVELS) {
    for (const geometry of gemeenteTopo.objects[level].geometries) {
      const code: string = geometry.properties.statcode;
      const members = gemeenten.filter((g) => g.parents[level] === code);
      regionAreas.push({
        code,
        name: geometry.properties.statnaam,
        level,
        parents: { land: NETHERLANDS_CODE },
        validFrom: 2023,
        validTo: null,
        inhabitants: members.reduce((sum, g) => sum + g.inhabitants, 0),
      });
    }
  }

  const wijken: Area[] = wijkTopo.objects.wijk.geometries.map((geometry: any) => {
    const gemeente = gemeenteByCode.get(geometry.properties.gemeentecode);
    if (!gemeente) throw new Error(`shipped data: wijk ${geometry.properties.statcode} has unknown gemeente ${geometry.properties.gemeentecode}`);
    return {
      code: geometry.properties.statcode,
      name: geometry.properties.statnaam,
      level: 'wijk',
      parents: { gemeente: gemeente.code, ...gemeente.parents },
      validFrom: 2024,
      validTo: null,
      inhabitants: inhabitantsOf(geometry.properties.statcode),
    } satisfies Area;
  });

  const land: Area = {
    code: NETHERLANDS_CODE,
    name: 'Nederland',
    level: 'land',
    parents: {},
    validFrom: null,
    validTo: null,
    inhabitants: gemeenten.reduce((sum, g) => sum + g.inhabitants, 0),
  };
  return [land, ...regionAreas, ...gemeenten, ...wijken];
}
