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
});
