/**
 * Where JSON text first goes wrong, and why, in Thai with line and column: engines word and place JSON.parse
 * errors differently, some without a position (the framework JSON reader's messages, framework-json.ts).
 */

/**
 * Where JSON text first goes wrong, and why (engines word and place JSON.parse errors differently, some without
 * a position). Null when the text is valid JSON.
 */
export function findJsonSyntaxError(text: string): { offset: number; reason: string } | null {
  const scanner = new JsonScanner(text);
  try {
    scanner.document();
    return null;
  } catch (error) {
    if (error instanceof JsonSyntaxError) return { offset: error.offset, reason: error.reason };
    return { offset: scanner.position, reason: String(error) };
  }
}

class JsonSyntaxError {
  constructor(
    readonly offset: number,
    readonly reason: string
  ) {}
}

const MAX_JSON_DEPTH = 2_000;

class JsonScanner {
  position = 0;

  constructor(private readonly text: string) {}

  document(): void {
    this.space();
    if (this.position >= this.text.length) this.fail('ไฟล์ว่าง');
    this.value(0);
    this.space();
    if (this.position < this.text.length) this.fail(`มีข้อความเกินหลังจบ JSON (${this.found()})`);
  }

  private fail(reason: string): never {
    throw new JsonSyntaxError(this.position, reason);
  }

  private found(): string {
    if (this.position >= this.text.length) return 'จบไฟล์';
    return `พบ ${JSON.stringify(this.text[this.position])}`;
  }

  private expected(what: string): never {
    this.fail(this.position >= this.text.length ? `ไฟล์จบก่อนที่จะพบ ${what}` : `ต้องมี ${what} แต่${this.found()}`);
  }

  private space(): void {
    while (this.position < this.text.length && ' \t\n\r'.includes(this.text[this.position])) this.position++;
  }

  private value(depth: number): void {
    if (depth > MAX_JSON_DEPTH) this.fail('ซ้อนกันลึกเกินไป');
    const char = this.text[this.position];
    if (char === '{') this.object(depth);
    else if (char === '[') this.array(depth);
    else if (char === '"') this.string();
    else if (char === '-' || (char >= '0' && char <= '9')) this.number();
    else if (char === 't') this.word('true');
    else if (char === 'f') this.word('false');
    else if (char === 'n') this.word('null');
    else this.expected('ค่า (ข้อความในเครื่องหมายคำพูด ตัวเลข {, [, true, false หรือ null)');
  }

  private object(depth: number): void {
    this.position++;
    this.space();
    if (this.text[this.position] === '}') {
      this.position++;
      return;
    }
    for (;;) {
      this.space();
      if (this.text[this.position] !== '"') this.expected('ชื่อช่องในเครื่องหมายคำพูด (")');
      this.string();
      this.space();
      if (this.text[this.position] !== ':') this.expected('":"');
      this.position++;
      this.space();
      this.value(depth + 1);
      this.space();
      const char = this.text[this.position];
      if (char === ',') this.position++;
      else if (char === '}') {
        this.position++;
        return;
      } else this.expected('"," หรือ "}"');
    }
  }

  private array(depth: number): void {
    this.position++;
    this.space();
    if (this.text[this.position] === ']') {
      this.position++;
      return;
    }
    for (;;) {
      this.space();
      this.value(depth + 1);
      this.space();
      const char = this.text[this.position];
      if (char === ',') this.position++;
      else if (char === ']') {
        this.position++;
        return;
      } else this.expected('"," หรือ "]"');
    }
  }

  private string(): void {
    const start = this.position;
    this.position++;
    while (this.position < this.text.length) {
      const char = this.text[this.position];
      if (char === '"') {
        this.position++;
        return;
      }
      if (char === '\\') {
        const next = this.text[this.position + 1];
        if (next === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(this.text.slice(this.position + 2, this.position + 6))) {
            this.fail('รหัส \\u ในข้อความไม่ถูกต้อง');
          }
          this.position += 6;
        } else if (next !== undefined && '"\\/bfnrt'.includes(next)) this.position += 2;
        else this.fail('เครื่องหมาย \\ ในข้อความไม่ถูกต้อง');
      } else if (char < ' ') {
        this.fail('ข้อความมีการขึ้นบรรทัดใหม่หรืออักขระควบคุม (ต้องเขียนเป็น \\n)');
      } else this.position++;
    }
    this.position = start;
    this.fail('ข้อความในเครื่องหมายคำพูดไม่ได้ปิด');
  }

  private number(): void {
    const match = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(
      this.text.slice(this.position, this.position + 400)
    );
    if (!match) this.fail(`ตัวเลขไม่ถูกต้อง (${this.found()})`);
    this.position += match[0].length;
  }

  private word(word: string): void {
    if (this.text.startsWith(word, this.position)) this.position += word.length;
    else this.expected('ค่า (ข้อความในเครื่องหมายคำพูด ตัวเลข {, [, true, false หรือ null)');
  }
}
