import { describe, expect, it } from 'vitest';
import { BUILTIN_FRAMEWORKS } from '../frameworks/builtin';
import { deriveShortName, drawnWidth, kpiShortName, SHORT_NAME_WIDTH } from './kpi-short-name';

describe('drawnWidth', () => {
  it('counts Thai marks above and below a letter as no width', () => {
    expect(drawnWidth('ครัวเรือน')).toBe(7);
    expect(drawnWidth('ผ้าไทย')).toBe(5);
    expect(drawnWidth('OTOP')).toBe(4);
  });
});

describe('deriveShortName', () => {
  it('keeps a name that already fits, without quotes', () => {
    expect(deriveShortName('ผ้าไทยใส่ให้สนุก')).toBe('ผ้าไทยใส่ให้สนุก');
    expect(deriveShortName('  Click   ชุมชน ')).toBe('Click ชุมชน');
  });

  it('drops the lead-in wording every KPI starts with', () => {
    expect(deriveShortName('ระดับความสำเร็จของการส่งรายงาน')).toBe('ส่งรายงาน');
    expect(deriveShortName('ร้อยละของการใช้จ่ายเงินงบ')).toBe('ใช้จ่ายเงินงบ');
    expect(deriveShortName('การสร้างความมั่นคง')).toBe('สร้างความมั่นคง');
    // A name that is nothing but a lead-in keeps it.
    expect(deriveShortName('ร้อยละของ')).toBe('ร้อยละของ');
  });

  it('cuts a long name after a whole Thai word and marks the cut', () => {
    const short = deriveShortName('ร้อยละของครัวเรือนยากจนเป้าหมายที่ได้รับการช่วยเหลือ');
    expect(short).toBe('ครัวเรือน…');
    expect(drawnWidth(short)).toBeLessThanOrEqual(SHORT_NAME_WIDTH);
    expect(deriveShortName('การพัฒนาพื้นที่เรียนรู้ชุมชนต้นแบบ “โคก หนอง นา” โมเดล')).toMatch(/^พัฒนา.*…$/);
  });

  it('cuts inside a first word longer than the whole width', () => {
    expect(deriveShortName('ABCDEFGHIJKLMNOPQRSTUVWXYZ')).toBe('ABCDEFGHIJK…');
  });

  it('a narrower width gives a shorter name', () => {
    expect(drawnWidth(deriveShortName('ระดับความสำเร็จของการดำเนินงานกองทุนแม่ของแผ่นดิน', 8))).toBeLessThanOrEqual(
      8
    );
  });
});

describe('kpiShortName', () => {
  it('prefers the framework’s own short name, else derives one', () => {
    expect(kpiShortName({ name: 'ร้อยละของการใช้จ่ายเงินงบประมาณ', shortName: ' ใช้จ่ายงบ ' })).toBe('ใช้จ่ายงบ');
    expect(kpiShortName({ name: 'ระดับความสำเร็จของการส่งรายงาน', shortName: '' })).toBe('ส่งรายงาน');
    expect(kpiShortName({ name: 'ระดับความสำเร็จของการส่งรายงาน' })).toBe('ส่งรายงาน');
  });

  it('every built-in KPI has its own short name, about 12 drawn characters at most', () => {
    for (const framework of BUILTIN_FRAMEWORKS) {
      for (const kpi of framework.kpis) {
        expect(kpi.shortName, `${framework.id} ${kpi.kpi}`).toBeTruthy();
        expect(drawnWidth(kpi.shortName!), `${framework.id} ${kpi.kpi} ${kpi.shortName}`).toBeLessThanOrEqual(
          13
        );
      }
      const top = framework.kpis.filter((kpi) => kpi.parent === null).map((kpi) => kpi.shortName);
      expect(new Set(top).size, framework.id).toBe(top.length);
    }
  });
});
