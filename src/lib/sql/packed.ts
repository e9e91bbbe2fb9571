/**
 * Many values in one string (issue 6): crossing from DuckDB to JS as a few long strings is many times faster
 * than as one JS object per row (DuckDB-WASM builds each row object field by field). SQL packs with
 * `packedText`/`packedNumber` and `string_agg`; `unpackText`/`unpackNumber` read a field back.
 *
 * A field is '' for NULL; text is `=` + the text with `\`, US (chr 31) and RS (chr 30) escaped, so that US and
 * RS can separate fields and records; a number is DuckDB's shortest round-trip text, so `Number(text)` gives
 * back the same double (packed-cells.test.ts, packed.test.ts).
 */

/** Field separator (US) and record separator (RS) of packed strings. */
export const FIELD_SEPARATOR = '\u001f';
export const RECORD_SEPARATOR = '\u001e';

/** SQL: a nullable text column packed as one field. */
export const packedText = (column: string): string =>
  `CASE WHEN ${column} IS NULL THEN '' ELSE '=' || replace(replace(replace(${column}, '\\', '\\\\'), chr(31), '\\u'), chr(30), '\\r') END`;

/** SQL: a nullable number column packed as one field. */
export const packedNumber = (column: string): string => `coalesce(CAST(${column} AS VARCHAR), '')`;

const UNESCAPE: Record<string, string> = { '\\': '\\', u: FIELD_SEPARATOR, r: RECORD_SEPARATOR };

/** A field written by `packedText`. */
export function unpackText(field: string): string | null {
  if (field === '') return null;
  const text = field.slice(1);
  return text.includes('\\') ? text.replace(/\\([\\ur])/g, (_, c: string) => UNESCAPE[c]) : text;
}

/** A field written by `packedNumber`. */
export function unpackNumber(field: string): number | null {
  if (field === '') return null;
  const value = Number(field);
  return Number.isFinite(value) ? value : null;
}

export type PackedKind = 'text' | 'number';

/**
 * SQL: the fields of every row of the query, row after row, as one string of fields separated by US (NULL
 * when there are no rows). One aggregate over whole rows, so a row's fields always stay together; the rows
 * come in no particular order. `escape` false: texts go as they are, NULL as '' — only for texts that hold no
 * US and are never NULL (check with `holdsSeparatorSql`); else packed with `packedText`.
 */
export function packedRowsSql(fields: readonly { sql: string; kind: PackedKind }[], escape: boolean): string {
  const packed = fields.map(({ sql, kind }) =>
    kind === 'number' ? packedNumber(sql) : escape ? packedText(sql) : `coalesce(${sql}, '')`
  );
  return `string_agg(concat_ws(chr(31), ${packed.join(', ')}), chr(31))`;
}

/** SQL: true when any of the text expressions holds a US in any row (then `packedRowsSql` must escape). */
export function holdsSeparatorSql(texts: readonly string[]): string {
  return `coalesce(bool_or(${texts.map((text) => `contains(${text}, chr(31))`).join(' OR ')}), FALSE)`;
}

/**
 * The rows packed by `packedRowsSql` (`count` of them; 0 for NULL), column by column: texts as strings (or as
 * `unpackText` reads them when `escaped`), numbers as numbers or null.
 */
export function unpackRowsByColumn(
  packed: unknown,
  count: number,
  kinds: readonly PackedKind[],
  escaped: boolean
): (string | number | null)[][] {
  const width = kinds.length;
  if (count === 0 || typeof packed !== 'string') return kinds.map(() => []);
  const fields = packed.split(FIELD_SEPARATOR);
  if (fields.length !== count * width)
    throw new Error(`packed rows: ${fields.length} fields, expected ${count} × ${width}`);
  return kinds.map((kind, j) => {
    const column = new Array<string | number | null>(count);
    for (let i = 0; i < count; i++) {
      const field = fields[i * width + j];
      column[i] = kind === 'number' ? unpackNumber(field) : escaped ? unpackText(field) : field;
    }
    return column;
  });
}
