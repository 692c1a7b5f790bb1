import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { threeWay, type Files } from '../../src/lib/update/merge.js';

const line = fc.constantFrom('const a = 1;', 'const b = 2;', 'return a + b;', '# Judul', '- butir', '', '}', 'x', 'y', 'z');
const text = fc.array(line, { minLength: 0, maxLength: 12 }).map((lines) => lines.join('\n'));

/** Random edits of a text: replace, insert and delete lines. */
const edited = (source: string) =>
  fc.array(fc.record({ at: fc.nat(), op: fc.constantFrom('replace', 'insert', 'delete'), with: fc.string({ minLength: 1, maxLength: 6 }).map((s) => `edit ${s.replace(/\n/g, ' ')}`) }), { maxLength: 4 }).map((edits) => {
    const lines = source.split('\n');
    for (const e of edits) {
      const i = lines.length === 0 ? 0 : e.at % lines.length;
      if (e.op === 'replace' && lines.length > 0) lines[i] = e.with;
      else if (e.op === 'insert') lines.splice(i, 0, e.with);
      else if (e.op === 'delete') lines.splice(i, 1);
    }
    return lines.join('\n');
  });

/** How many lines the longest common subsequence of a and b has. */
function common(a: string[], b: string[]): number {
  const row = new Array<number>(b.length + 1).fill(0);
  for (const x of a) {
    let diagonal = 0;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j] as number;
      row[j] = x === b[j - 1] ? diagonal + 1 : Math.max(above, row[j - 1] as number);
      diagonal = above;
    }
  }
  return row[b.length] as number;
}

/** The lines of a merged text outside any conflict block. */
function unmarked(merged: string): number {
  let inside = false;
  return merged.split('\n').filter((l) => {
    if (l.startsWith('<<<<<<<')) inside = true;
    else if (l.startsWith('>>>>>>>')) return void (inside = false);
    return !inside;
  }).length;
}

const fileSet = fc.dictionary(fc.constantFrom('a.js', 'b.md', 'c/d.json', 'e.txt'), text, { minKeys: 1 });
const toFiles = (o: Record<string, string>): Files => new Map(Object.entries(o).map(([k, v]) => [k, Buffer.from(v)]));

describe('three-way update (property-based)', () => {
  it('updating an unmodified copy gives exactly a fresh generation (300 cases)', () => {
    fc.assert(
      fc.property(fileSet, fileSet, (base, theirs) => {
        const changes = threeWay(toFiles(base), toFiles(base), toFiles(theirs));
        const result = new Map(Object.entries(base));
        for (const c of changes) {
          if (c.remove) result.delete(c.path);
          else if (c.contents) result.set(c.path, c.contents.toString());
        }
        expect(Object.fromEntries(result)).toEqual(theirs);
        expect(changes.every((c) => c.outcome !== 'conflicted' && c.outcome !== 'merged')).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('no line the user wrote is lost without a conflict marker (300 cases)', () => {
    fc.assert(
      fc.property(
        text.chain((base) => fc.tuple(fc.constant(base), edited(base), edited(base))),
        fc.constantFrom<'inline' | 'rej'>('inline', 'rej'),
        ([base, ours, theirs], style) => {
          const [change] = threeWay(toFiles({ 'f.js': base }), toFiles({ 'f.js': ours }), toFiles({ 'f.js': theirs }), style);
          // What the file holds afterwards: new contents, or the user's file left as it is.
          const after = change?.contents ? change.contents.toString() : ours;
          const baseLines = new Set(base.split('\n'));
          for (const userLine of ours.split('\n').filter((l) => !baseLines.has(l))) {
            expect(after.split('\n'), `${change?.outcome}: "${userLine}"`).toContain(userLine);
          }
          if (change?.outcome === 'conflicted' && style === 'inline') expect(after).toMatch(/^<<<<<<< [^]*^=======$[^]*^>>>>>>> /m);
          if (change?.outcome === 'conflicted' && style === 'rej') expect(change.rejected?.toString()).toBe(theirs);
          // Where the user changed nothing, the result is the new version exactly.
          if (ours === base) expect(after).toBe(theirs);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('with no base (records rebuilt, or a file new on both sides) nothing either side holds is lost, and only the differences are marked (300 cases)', () => {
    fc.assert(
      fc.property(text.chain((base) => fc.tuple(edited(base), edited(base))), ([ours, theirs]) => {
        const [change] = threeWay(new Map(), toFiles({ 'f.js': ours }), toFiles({ 'f.js': theirs }));
        expect(change?.outcome).toBe(ours === theirs ? 'unchanged' : 'conflicted');
        if (ours === theirs) return;
        const after = change?.contents?.toString() ?? '';
        // Each side, read from the result with the other side's stretches left out, is whole again.
        const side = (keep: 'a' | 'b') => {
          let inside: 'a' | 'b' | undefined;
          return after.split('\n').filter((l) => {
            if (l.startsWith('<<<<<<<')) return void (inside = 'a');
            if (l === '=======' && inside) return void (inside = 'b');
            if (l.startsWith('>>>>>>>')) return void (inside = undefined);
            return inside === undefined || inside === keep;
          });
        };
        expect(side('a').join('\n')).toBe(ours);
        expect(side('b').join('\n')).toBe(theirs);
        // Only the differences are marked: as many lines stay outside the markers as the two sides have in common.
        expect(unmarked(after)).toBe(common(ours.split('\n'), theirs.split('\n')));
      }),
      { numRuns: 300 },
    );
  });
});
