import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../src/config.ts';

describe('parseConfig: ABSTAIN_BELOW', () => {
  it('is the calibrated default when absent or empty, not 0', () => {
    expect(parseConfig({}).ABSTAIN_BELOW).toBeUndefined();
    expect(parseConfig({ ABSTAIN_BELOW: '' }).ABSTAIN_BELOW).toBeUndefined();
    expect(parseConfig({ ABSTAIN_BELOW: '  ' }).ABSTAIN_BELOW).toBeUndefined();
  });

  it('takes a confidence between 0 and 1', () => {
    expect(parseConfig({ ABSTAIN_BELOW: '0.1' }).ABSTAIN_BELOW).toBe(0.1);
    expect(parseConfig({ ABSTAIN_BELOW: '0' }).ABSTAIN_BELOW).toBe(0);
    expect(parseConfig({ ABSTAIN_BELOW: '1' }).ABSTAIN_BELOW).toBe(1);
  });

  it('rejects anything else with a message naming the key and the fix', () => {
    for (const bad of ['1.5', '-0.1', 'high']) {
      expect(() => parseConfig({ ABSTAIN_BELOW: bad })).toThrow(ConfigError);
      expect(() => parseConfig({ ABSTAIN_BELOW: bad })).toThrow(/ABSTAIN_BELOW.*\.env/);
    }
  });
});
