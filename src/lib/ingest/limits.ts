/**
 * How much of a file the app reads (issue 7 §4): files come from many hands, and a wrong or hostile file must
 * get a clear Thai message — never a hung page, a crashed tab or a changed workspace. Each limit is far above
 * what a real file needs and names itself in the message:
 *
 * - results file: 50 MB. The largest real shape (DESIGN §8, a national year: 878 districts × 25 KPIs × 12
 *   months) is 10–19 MB; reading 65 MB took 14 s and 0.7 GB in a worker (measured in Node), so 50 MB keeps a
 *   worker well inside a browser tab's memory.
 * - framework file (each §9.2 CSV or the JSON): 10 MB. Framework files are read on the page's thread; a real
 *   one is a few kB (5,000 bands, the validator's cap, of long Thai criteria are about 1 MB).
 * - workbook: 200 MB once unzipped (its parts' sizes are read from the zip directory before unzipping).
 * - columns: 2,100 (500 KPIs, the validator's cap, with value, target, baseline and adjust each, and the unit,
 *   province and month columns).
 * - problems: 50,000 rejected rows; past that the file is refused whole (a wrong framework or not a results
 *   file), and reading stops, so that a file of junk cannot fill the memory with messages.
 * - messages quote at most 600 characters of a cell (a 1 MB line is named, not copied into the report).
 */

export const MAX_RESULTS_FILE_BYTES = 50 * 1024 * 1024;
export const MAX_FRAMEWORK_FILE_BYTES = 10 * 1024 * 1024;
export const MAX_WORKBOOK_UNZIPPED_BYTES = 200 * 1024 * 1024;
export const MAX_COLUMNS = 2_100;
export const MAX_REJECTIONS = 50_000;
export const MAX_MESSAGE_CHARS = 600;
/** Names listed in one message (columns not used, …); the rest are counted. */
export const MAX_LISTED = 20;

/** `52428800` → `50 MB`, `1536` → `1.5 KB`. */
export function sizeText(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const rounded = unit === 0 ? String(value) : value.toFixed(value < 10 ? 1 : 0).replace(/\.0$/, '');
  return `${rounded} ${units[unit]}`;
}

/** A count in a message, with thousands separators: `10000` → `10,000`. */
export function countText(count: number): string {
  return count.toLocaleString('en-US');
}

/** Why a file is refused for its size, or null when it may be read. */
export function fileSizeProblem(bytes: number, limit: number, kind: 'results' | 'framework'): string | null {
  if (bytes <= limit) return null;
  const what = kind === 'results' ? 'ไฟล์ผลการดำเนินงาน' : 'ไฟล์ชุดเกณฑ์';
  return (
    `ไฟล์ใหญ่ ${sizeText(bytes)} เกินขนาดที่รับได้ (${sizeText(limit)} สำหรับ${what}) — ไม่ได้อ่านไฟล์นี้ ` +
    'ตรวจว่าเลือกไฟล์ถูกต้อง หรือแบ่งเป็นหลายไฟล์ (เช่น ทีละเดือน)'
  );
}

/**
 * A message no longer than `max` characters: a long one keeps its start and its end (where the hint is) and
 * says how much was left out. NUL characters (invisible on screen) are shown as ␀.
 */
export function clipMessage(raw: string, max = MAX_MESSAGE_CHARS): string {
  if (typeof raw !== 'string') return raw;
  const text = raw.includes('\0') ? raw.replaceAll('\0', '\u2400') : raw;
  if (text.length <= max) return text;
  const head = Math.floor(max * 0.6);
  const tail = Math.floor(max * 0.3);
  const cut = text.length - head - tail;
  return `${text.slice(0, head)} … (ตัดออก ${countText(cut)} ตัวอักษร) … ${text.slice(text.length - tail)}`;
}

/** `a, b, c และอีก 9,980 รายการ`: at most `MAX_LISTED` names, each clipped. */
export function listText(items: readonly string[], max = MAX_LISTED): string {
  const shown = items.slice(0, max).map((item) => clipMessage(item, 80));
  const rest = items.length - shown.length;
  return rest > 0 ? `${shown.join(', ')} และอีก ${countText(rest)} รายการ` : shown.join(', ');
}

/**
 * The total unzipped size a zip file declares for its parts (from its central directory), or null when the
 * directory cannot be read (then the workbook reader decides). Reads only the directory, never inflates.
 */
export function zipUnzippedSize(bytes: Uint8Array): number | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record is in the last 22 + 65,535 bytes (its comment is at most 64 kB).
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= lowest; at--) {
    if (view.getUint32(at, true) !== 0x06054b50) continue;
    const entries = view.getUint16(at + 10, true);
    let offset = view.getUint32(at + 16, true);
    if (entries === 0xffff || offset === 0xffffffff) return Number.POSITIVE_INFINITY; // ZIP64: far too big
    let total = 0;
    for (let i = 0; i < entries; i++) {
      if (offset + 46 > bytes.length || view.getUint32(offset, true) !== 0x02014b50) return null;
      const unzipped = view.getUint32(offset + 24, true);
      if (unzipped === 0xffffffff) return Number.POSITIVE_INFINITY;
      total += unzipped;
      offset +=
        46 +
        view.getUint16(offset + 28, true) +
        view.getUint16(offset + 30, true) +
        view.getUint16(offset + 32, true);
    }
    return total;
  }
  return null;
}
