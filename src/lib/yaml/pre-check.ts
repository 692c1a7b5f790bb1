// Settings never nest deeply; the parser itself recurses per level and must not be driven into the ground.
export const MAX_DEPTH = 64;
const MAX_INDENT = 256;
/**
 * A region file holds a few hundred values. The parser spends some microseconds on each, so a megabyte written
 * densely (`[x,x,x,…]`, `- - - x` on every line) costs seconds before any check runs: past this many, stop.
 */
export const MAX_VALUES = 100_000;

export interface StructureProblem {
  /** Offset in the text where the limit is passed. */
  at: number;
  key: 'yaml.depth' | 'yaml.tooMany';
  limit: number;
}

const space = (c: string | undefined) => c === ' ' || c === '\t';
/** An indicator (`- `, `? `, `: `) followed by a separator, or ending the line. */
const indicator = (text: string, p: number, end: number) => '-?:'.includes(text[p] as string) && (p + 1 >= end || space(text[p + 1]) || text[p + 1] === '\r');
const BLOCK_SCALAR = /^[|>][-+0-9]*[ \t]*(?:#.*)?\r?$/;

/**
 * Where a text nests collections deeper than MAX_DEPTH, indents a line beyond MAX_INDENT or holds more than
 * MAX_VALUES values, if anywhere: read before parsing, in one pass. Block collections count by their columns (a
 * line opens a level where it is indented deeper, and `- - - x` opens one per dash), flow collections by their
 * brackets; values by the lines, indicators, brackets and commas that begin them. The text of quoted and block
 * scalars and of comments is skipped. Estimates, on the safe side: a plain scalar continued on a deeper line counts
 * one level and one value more than it is.
 */
export function structureProblem(text: string): StructureProblem | undefined {
  // Columns of the block collections open at this point, innermost last.
  const blocks: number[] = [];
  let flow = 0;
  let values = 0;
  let quote: string | undefined;
  // Inside a block scalar (`key: |`): lines indented deeper than this are its text.
  let scalarIndent: number | undefined;
  const deep = (at: number): StructureProblem => ({ at, key: 'yaml.depth', limit: MAX_DEPTH });
  const many = (at: number): StructureProblem => ({ at, key: 'yaml.tooMany', limit: MAX_VALUES });
  for (let start = 0; start < text.length; ) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    let p = start;
    while (p < end && text[p] === ' ') p++;
    const indent = p - start;
    if (indent > MAX_INDENT) return deep(start + MAX_INDENT);
    const blank = p === end || text[p] === '#' || text[p] === '\r';
    if (scalarIndent !== undefined && (blank || indent > scalarIndent)) {
      start = end + 1;
      continue;
    }
    scalarIndent = undefined;
    if (!blank && quote === undefined && flow === 0) {
      while (blocks.length > 0 && (blocks.at(-1) as number) > indent) blocks.pop();
      if (blocks.at(-1) !== indent) blocks.push(indent);
      values++;
      // Compact collections on one line: each indicator followed by more opens a level at that column.
      while (p < end && indicator(text, p, end)) {
        p++;
        while (p < end && space(text[p])) p++;
        if (p < end && text[p] !== '#' && text[p] !== '\r') {
          blocks.push(p - start);
          values++;
        }
      }
      if (blocks.length > MAX_DEPTH) return deep(p);
    }
    // A scalar or collection may begin here (after an indicator, a bracket or a comma): only there do quotes and
    // brackets mean something, so an apostrophe in a plain word or a bracket in a sentence is just text.
    let atStart = true;
    for (; p < end; p++) {
      const c = text[p] as string;
      if (quote !== undefined) {
        if (c === '\\' && quote === '"') p++;
        else if (c === quote && quote === "'" && text[p + 1] === "'") p++;
        else if (c === quote) {
          quote = undefined;
          atStart = false;
        }
        continue;
      }
      if (space(c)) continue;
      if (c === '#' && (p === start || space(text[p - 1]))) break;
      if (atStart && (c === '"' || c === "'")) quote = c;
      else if ((atStart || flow > 0) && (c === '[' || c === '{')) {
        if (blocks.length + ++flow > MAX_DEPTH) return deep(p);
        // The collection and its first entry.
        values += 2;
        atStart = true;
        continue;
      } else if (flow > 0 && (c === ']' || c === '}')) flow--;
      else if ((flow > 0 && c === ',') || indicator(text, p, end) || (flow > 0 && c === ':')) {
        values++;
        atStart = true;
        continue;
      } else if (atStart && flow === 0 && (c === '|' || c === '>') && BLOCK_SCALAR.test(text.slice(p, end))) {
        scalarIndent = indent;
        break;
      }
      atStart = false;
    }
    if (values > MAX_VALUES) return many(p);
    start = end + 1;
  }
  return undefined;
}
