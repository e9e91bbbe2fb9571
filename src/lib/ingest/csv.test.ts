import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCsv, parseCsv } from './csv';

describe('parseCsv', () => {
  it.each([
    {
      name: 'comma, LF',
      text: 'kpi,level\n1,5\n2,4\n',
      header: ['kpi', 'level'],
      rows: [
        { line: 2, cells: ['1', '5'] },
        { line: 3, cells: ['2', '4'] }
      ]
    },
    {
      name: 'tab (Excel "Text (Tab delimited)")',
      text: 'อำเภอ\tผล\nบางคล้า\t1,200\n',
      header: ['อำเภอ', 'ผล'],
      rows: [{ line: 2, cells: ['บางคล้า', '1,200'] }]
    },
    {
      name: 'semicolon',
      text: 'a;b\n1;2\n',
      header: ['a', 'b'],
      rows: [{ line: 2, cells: ['1', '2'] }]
    },
    {
      name: 'UTF-8 BOM is stripped from the first header',
      text: '\uFEFFid,name\r\nx,y\r\n',
      header: ['id', 'name'],
      rows: [{ line: 2, cells: ['x', 'y'] }]
    },
    {
      name: 'blank lines and delimiter-only lines are skipped but counted',
      text: 'a,b\n\n1,2\n,\n  \n3,4',
      header: ['a', 'b'],
      rows: [
        { line: 3, cells: ['1', '2'] },
        { line: 6, cells: ['3', '4'] }
      ]
    },
    {
      name: 'a quoted cell with line breaks: the next record starts lines later',
      text: 'kpi,label\n1,"ร้อยละ ๘๐\nของงบประมาณ\r\nที่ได้รับ"\r\n2,"a ""quoted"" word"\n3,x',
      header: ['kpi', 'label'],
      rows: [
        { line: 2, cells: ['1', 'ร้อยละ ๘๐\nของงบประมาณ\r\nที่ได้รับ'] },
        { line: 5, cells: ['2', 'a "quoted" word'] },
        { line: 6, cells: ['3', 'x'] }
      ]
    },
    {
      name: 'CRLF throughout',
      text: 'a,b\r\n\r\n1,2\r\n3,4\r\n',
      header: ['a', 'b'],
      rows: [
        { line: 3, cells: ['1', '2'] },
        { line: 4, cells: ['3', '4'] }
      ]
    },
    {
      name: 'the header is the first non-blank line',
      text: '\n\na,b\n1,2',
      header: ['a', 'b'],
      rows: [{ line: 4, cells: ['1', '2'] }]
    },
    {
      name: 'cells are kept as written (not trimmed)',
      text: 'a,b\n 1 , 2\n',
      header: ['a', 'b'],
      rows: [{ line: 2, cells: [' 1 ', ' 2'] }]
    },
    { name: 'empty text', text: '', header: [], rows: [] },
    { name: 'only a BOM', text: '\uFEFF', header: [], rows: [] },
    {
      name: 'one column',
      text: 'kpi\n1\n2',
      header: ['kpi'],
      rows: [
        { line: 2, cells: ['1'] },
        { line: 3, cells: ['2'] }
      ]
    }
  ])('$name', ({ text, header, rows }) => {
    const table = parseCsv(text);
    expect(table.header).toEqual(header);
    expect(table.rows).toEqual(rows);
    expect(table.errors).toEqual([]);
  });

  it('counts lines in a file with mixed line ends (\\r, \\r\\n)', () => {
    expect(parseCsv('a\rb\r\nc').rows.map((row) => row.line)).toEqual([2, 3]);
    expect(parseCsv('a\r\r\nb').rows.map((row) => row.line)).toEqual([3]);
    expect(parseCsv('a\r\n\rb\rc').rows.map((row) => row.line)).toEqual([3, 4]);
  });

  it('uses a forced delimiter', () => {
    const table = parseCsv('a;b,c\n1;2,3', { delimiter: ',' });
    expect(table.header).toEqual(['a;b', 'c']);
    expect(table.rows).toEqual([{ line: 2, cells: ['1;2', '3'] }]);
  });

  it('reports an unclosed quote on the line of its record', () => {
    const table = parseCsv('a,b\n1,2\n3,"open\n4,5\n');
    expect(table.rows[0]).toEqual({ line: 2, cells: ['1', '2'] });
    expect(table.errors).toHaveLength(1);
    expect(table.errors[0].line).toBe(3);
    expect(table.errors[0].reason).toContain('ไม่ได้ปิด');
  });

  it('reports a stray quote inside a quoted cell', () => {
    const table = parseCsv('a,b\n1,"x"y"\n');
    expect(table.errors.map((e) => e.line)).toContain(2);
    expect(table.errors[0].reason).toContain('เครื่องหมายคำพูด');
  });

  it('never throws and numbers lines in order, on any text', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', ',', ';', '\t', '"', '\n', '\r', ' ', 'ก', '๑') }),
        (text) => {
          const table = parseCsv(text);
          const lines = table.rows.map((row) => row.line);
          expect([...lines].sort((a, b) => a - b)).toEqual(lines);
          for (const line of lines) expect(line).toBeGreaterThanOrEqual(2);
          const physical = text.split(/\r\n|\r|\n/).length;
          for (const line of lines) expect(line).toBeLessThanOrEqual(physical);
        }
      )
    );
  });
});

describe('formatCsv', () => {
  it('quotes only what must be quoted and starts with a BOM', () => {
    expect(formatCsv([['a', 'b,c', 'say "hi"', 'two\nlines', ' pad', '']])).toBe(
      '\uFEFFa,"b,c","say ""hi""","two\nlines"," pad",\r\n'
    );
    expect(formatCsv([['x']], { bom: false })).toBe('x\r\n');
  });

  it('round-trips through parseCsv', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'ก', ',', '"', '\n', '\r\n', ' ', ';', '\t', '1') });
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 5 }),
        (rows) => {
          const header = ['h1', 'h2'];
          const nonBlank = rows.filter((row) => row.some((c) => c.trim() !== ''));
          const table = parseCsv(formatCsv([header, ...nonBlank]), { delimiter: ',' });
          expect(table.header).toEqual(header);
          expect(table.rows.map((row) => row.cells)).toEqual(nonBlank);
        }
      )
    );
  });
});
