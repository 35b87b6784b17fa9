import { describe, expect, it } from 'vitest';
import { explanation, textLines } from './schema.ts';

describe('explanation', () => {
  it.each([
    ['three lines', 'a\nb\nc\n', null],
    ['six lines', 'a\nb\nc\nd\ne\nf\n', null],
    ['blank lines between paragraphs, not counted', 'a\n\nb\n\nc\n', null],
    ['two lines', 'a\nb\n', 'expected 3 to 6 non-empty lines (a | block scalar, wrapped as it should read), saw 2'],
    ['seven lines', 'a\nb\nc\nd\ne\nf\ng\n', 'expected 3 to 6 non-empty lines (a | block scalar, wrapped as it should read), saw 7'],
    ['one folded line', 'a b c d e f\n', 'expected 3 to 6 non-empty lines (a | block scalar, wrapped as it should read), saw 1'],
    ['only blank lines', '\n \n', 'expected 3 to 6 non-empty lines (a | block scalar, wrapped as it should read), saw 0'],
  ])('%s', (_, text, problem) => {
    const result = explanation.safeParse(text);
    expect(result.success ? null : result.error.issues.map((i) => i.message).join('; ')).toBe(problem);
  });

  it('refuses an empty string once, as empty', () => {
    const result = explanation.safeParse('');
    expect(result.error?.issues.map((i) => i.code)).toEqual(['too_small']);
  });

  it.each([
    ['', 0],
    ['one', 1],
    ['one\n\ntwo\n', 2],
    ['  \n\tone\n', 1],
  ])('textLines(%j) is %i', (text, lines) => {
    expect(textLines(text)).toBe(lines);
  });
});
