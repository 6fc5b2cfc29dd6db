import { describe, expect, it } from 'vitest';
import { isHeading } from '../../src/corpus/isHeading.ts';

describe('isHeading', () => {
  it('treats a short line without closing punctuation as a heading', () => {
    expect(isHeading('Jaishankar, Lavrov Review India-Russia Ties')).toBe(true);
    expect(isHeading('Flood Waters Recede')).toBe(true);
  });

  it('treats a sentence as a sentence', () => {
    expect(isHeading('The flood waters receded on Monday.')).toBe(false);
    expect(isHeading('Did the flood waters recede?')).toBe(false);
    expect(isHeading('“The waters are going down,” the mayor said.”')).toBe(false);
  });

  it('treats a long line as a sentence even without a full stop', () => {
    expect(isHeading('The flood waters that had covered the lower town for nine days finally receded on Monday morning leaving mud across every street')).toBe(false);
  });
});
