import type { CellFix } from '../catalog/diagnostic.js';
import type { Nodes } from 'mdast';
import type { Catalog, Cell, Range, Row, Table } from '../catalog/model.js';
import { defineRule, type Finding } from './define.js';
import { shiftPoint } from './positions.js';

const NAMES: Record<number, string> = {
  0x00a0: 'NO-BREAK SPACE',
  0x00ad: 'SOFT HYPHEN',
  0x061c: 'ARABIC LETTER MARK',
  0x180e: 'MONGOLIAN VOWEL SEPARATOR',
  0x200b: 'ZERO WIDTH SPACE',
  0x200c: 'ZERO WIDTH NON-JOINER',
  0x200d: 'ZERO WIDTH JOINER',
  0x200e: 'LEFT-TO-RIGHT MARK',
  0x200f: 'RIGHT-TO-LEFT MARK',
  0x2028: 'LINE SEPARATOR',
  0x2029: 'PARAGRAPH SEPARATOR',
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x202f: 'NARROW NO-BREAK SPACE',
  0x2060: 'WORD JOINER',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
  0xfeff: 'ZERO WIDTH NO-BREAK SPACE (byte order mark)',
};

const BYTE_ORDER_MARK = 0xfeff;
const SPACES = new Set([0x00a0, 0x202f]);
// What `format` does with the invisible characters that only hide a space or a break: the
// spaces become plain spaces, the others are deleted. Joiners and bidi controls can change
// how a text shows, so only a person can fix those.
const FIXABLE = new Set([0x00a0, 0x202f, 0x00ad, 0x200b, 0x2060, 0xfeff]);
const withoutFixable = (text: string) =>
  Array.from(text, (char) => {
    const code = char.codePointAt(0)!;
    return !FIXABLE.has(code) ? char : SPACES.has(code) ? ' ' : '';
  }).join('');

/** The cell with its fixable characters replaced, except inside code spans: code shows what it holds. */
function fixedText(cell: Cell, spans: [number, number][]): string {
  let text = '';
  let last = 0;
  for (const [start, end] of spans) {
    text += withoutFixable(cell.source.slice(last, start)) + cell.source.slice(start, end);
    last = end;
  }
  return (text + withoutFixable(cell.source.slice(last))).replace(/^[ \t]+|[ \t]+$/gu, '');
}

/** The code spans of a cell, as [start, end) offsets in its source. */
function codeSpans(cell: Cell): [number, number][] {
  if (!cell.source.includes('`')) return [];
  const spans: [number, number][] = [];
  const visit = (nodes: readonly Nodes[]) => {
    for (const node of nodes) {
      if (node.type === 'inlineCode' && node.position?.start.offset !== undefined && node.position.end.offset !== undefined) {
        spans.push([node.position.start.offset - cell.range.start.offset, node.position.end.offset - cell.range.start.offset]);
      } else if ('children' in node) {
        visit(node.children as Nodes[]);
      }
    }
  };
  visit(cell.nodes);
  return spans.sort((a, b) => a[0] - b[0]);
}
const ZERO_WIDTH_JOINER = 0x200d;
const TAG_CANCEL = 0xe007f;
const PICTOGRAPH = /\p{Extended_Pictographic}/u;
// Between a pictograph and the joiner: variation selectors and skin-tone modifiers.
const EMOJI_MODIFIER = /[\uFE0E\uFE0F\u{1F3FB}-\u{1F3FF}]/u;

/**
 * Every line of every table is scanned, the spaces around the cells included: a no-break
 * space there is as invisible, and as much a trap, as one inside a word. In a body row, a
 * no-break space, zero-width space, soft hyphen, word joiner or stray byte order mark comes
 * with its fix: the cell without them.
 */
export const invisibleCharacters = defineRule(
  {
    id: 'invisible-characters',
    severity: 'error',
    description: 'Tables hold no invisible characters (zero-width, bidi controls, soft hyphens, no-break spaces)',
    needsSchema: false,
    fixable: true,
  },
  (catalog) => [
    ...secondByteOrderMark(catalog),
    ...catalog.tables.flatMap((table) => [
      ...[table.header.range, table.delimiter.range].flatMap((range) => scanLine(catalog, range)),
      ...table.rows.flatMap((row, rowIndex) => scanLine(catalog, row.range).map((finding) => withFix(finding, table, row, rowIndex))),
    ]),
  ],
);

/**
 * A byte order mark right after the file's own (an editor that added one to a file that had
 * one): the writer keeps the file's first, and this one would start the first line. It sits
 * at 1:1, since the first one is not counted.
 */
function secondByteOrderMark(catalog: Catalog): Finding[] {
  // A table's header on line 1 is scanned with its line, the mark included.
  if (!catalog.bom || catalog.source.codePointAt(1) !== BYTE_ORDER_MARK || catalog.tables[0]?.header.line === 1) return [];
  const start = catalog.pointAt(1);
  return [
    {
      range: { start, end: shiftPoint(start, 1) },
      message: `Unexpected invisible character ${describe(BYTE_ORDER_MARK)}: a second byte order mark at the start of the file`,
      hint: 'Delete it; the file keeps its first byte order mark',
    },
  ];
}

/** The finding with the fix of its cell, when the character is one `format` fixes. */
function withFix(finding: Finding, table: Table, row: Row, rowIndex: number): Finding {
  const offset = finding.range.start.offset;
  const column = row.cells.findIndex((cell) => cell.range.start.offset <= offset && offset < cell.range.end.offset);
  const cell = row.cells[column];
  const at = offset - (cell?.range.start.offset ?? 0);
  if (!cell || !FIXABLE.has(cell.source.codePointAt(at)!)) return finding;
  const spans = codeSpans(cell);
  if (spans.some(([start, end]) => start <= at && at < end)) {
    return { ...finding, hint: `${finding.hint}; it is inside a code span, which \`format\` leaves as written: only a person can say whether the code needs it` };
  }
  // A plain space would end a link's address and turn the link into text: there only a person can say what was meant.
  if (cell.links.some((link) => link.urlRange && /[\u00a0\u202f]/u.test(link.url))) {
    return { ...finding, hint: 'Remove it from the link\'s address (a space there would break the link), or write it as %C2%A0' };
  }
  const fix: CellFix = { table: table.index, row: rowIndex, column, replacement: fixedText(cell, spans) };
  return { ...finding, fix, hint: `${finding.hint} (\`npm run format-catalog\` does it)` };
}

// Every character isInvisible can accept; most lines hold none, and one regular expression
// test per line is far cheaper than a check per character.
const MAYBE_INVISIBLE = /[\p{Cc}\p{Cf}\u00a0\u180e\u2028\u2029\u202f]/u;

function scanLine(catalog: Catalog, range: Range): Finding[] {
  const line = catalog.source.slice(range.start.offset, range.end.offset);
  if (!MAYBE_INVISIBLE.test(line)) return [];
  const chars = Array.from(line);
  const findings: Finding[] = [];
  let index = 0;
  chars.forEach((char, position) => {
    const code = char.codePointAt(0)!;
    if (isInvisible(code) && !isPartOfEmoji(chars, position)) {
      findings.push({
        range: { start: shiftPoint(range.start, index), end: shiftPoint(range.start, index + char.length) },
        message: `Unexpected invisible character ${describe(code)}`,
        hint: SPACES.has(code) ? 'Replace it with a plain space' : 'Delete it; it shows in no editor but changes how the text compares and sorts',
      });
    }
    index += char.length;
  });
  return findings;
}

function isInvisible(code: number): boolean {
  if (code === 0x09) return false;
  return code in NAMES || /[\p{Cc}\p{Cf}]/u.test(String.fromCodePoint(code));
}

/** Joiners inside emoji sequences (👩‍💻) and the tag characters of subdivision flags are part of what shows. */
function isPartOfEmoji(chars: string[], position: number): boolean {
  const code = chars[position]!.codePointAt(0)!;
  if (code === ZERO_WIDTH_JOINER) {
    let before = position - 1;
    while (before >= 0 && EMOJI_MODIFIER.test(chars[before]!)) before--;
    return before >= 0 && PICTOGRAPH.test(chars[before]!) && PICTOGRAPH.test(chars[position + 1] ?? '');
  }
  if (code >= 0xe0020 && code <= TAG_CANCEL) {
    let before = position - 1;
    while (before >= 0 && chars[before]!.codePointAt(0)! >= 0xe0020 && chars[before]!.codePointAt(0)! <= TAG_CANCEL) before--;
    return before >= 0 && PICTOGRAPH.test(chars[before]!);
  }
  return false;
}

function describe(code: number): string {
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  const name = NAMES[code];
  if (name) return `${hex} ${name}`;
  return /\p{Cc}/u.test(String.fromCodePoint(code)) ? `${hex} (a control character)` : `${hex} (a format character)`;
}
