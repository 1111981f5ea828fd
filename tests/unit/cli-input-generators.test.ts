import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { byteInputs, LARGE_INPUTS, seededBytes, writeLargeInput } from '../../scripts/cli-inputs';

// The inputs behind docs/cli.md's figures (npm run measure:cli-inputs): the same on every run, and what their labels say.
const ARTICLES = ['The council met on Tuesday. It approved the “new” budget — after a long debate.\nThe mayor spoke last.', 'A second article, in two lines.\nIts second line.'];
const EXECUTABLE = Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1]);
const byName = (inputs: ReturnType<typeof byteInputs>) => new Map(inputs.map((i) => [i.name, i.bytes]));

describe('the command line input generators', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cli-inputs-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('make the same bytes on every run, and other bytes for another seed', () => {
    expect(seededBytes(1000, 'a').equals(seededBytes(1000, 'a'))).toBe(true);
    expect(seededBytes(1000, 'a').equals(seededBytes(1000, 'b'))).toBe(false);
    const [first, second] = [byteInputs(ARTICLES, EXECUTABLE), byteInputs(ARTICLES, EXECUTABLE)];
    expect(first.map((i) => i.bytes.toString('hex'))).toEqual(second.map((i) => i.bytes.toString('hex')));
  });

  it('write files that are what their labels say', () => {
    const inputs = byName(byteInputs(ARTICLES, EXECUTABLE));
    expect(inputs.get('random.bin')!.length).toBe(2_000_000);
    expect(inputs.get('random-no-nul.bin')!.includes(0)).toBe(false);
    expect(inputs.get('utf16.txt')!.toString('utf16le')).toBe(ARTICLES.join('\n\n')); // no byte-order mark
    expect(inputs.get('image.png')!.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(inputs.get('font.woff2')!.subarray(0, 4).toString('latin1')).toBe('wOF2');
    expect(inputs.get('ls')).toBe(EXECUTABLE);
    // Windows-1252: one byte per character, the curly quotes and the dash at their code points there.
    expect([...inputs.get('windows-1252.txt')!].filter((b) => b >= 0x80)).toEqual([0x93, 0x94, 0x97]);
    expect(inputs.get('nine-words.txt')!.toString('latin1').split(/\s+/)).toHaveLength(9);
  });

  it('write large inputs of at least the size asked for, their lines between a head and a tail', () => {
    for (const shape of LARGE_INPUTS) {
      const path = join(dir, shape.name);
      const written = writeLargeInput(path, shape, ARTICLES, 100_000);
      const text = readFileSync(path, 'utf8');
      expect(Buffer.byteLength(text)).toBe(written);
      expect(written).toBeGreaterThanOrEqual(100_000);
      expect(text.startsWith(shape.head) && text.endsWith(shape.tail)).toBe(true);
      expect(text).toContain('spoke');
    }
  });
});
