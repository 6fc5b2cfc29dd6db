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

describe('parseConfig: RATE_LIMIT_BURST and RATE_LIMIT_PER_MINUTE', () => {
  it('default to 8 at once and 16 a minute (any 8 questions within 30 s), also when empty', () => {
    expect(parseConfig({})).toMatchObject({ RATE_LIMIT_BURST: 8, RATE_LIMIT_PER_MINUTE: 16 });
    expect(parseConfig({ RATE_LIMIT_BURST: '', RATE_LIMIT_PER_MINUTE: ' ' })).toMatchObject({ RATE_LIMIT_BURST: 8, RATE_LIMIT_PER_MINUTE: 16 });
    expect(parseConfig({ RATE_LIMIT_BURST: ' 12 ', RATE_LIMIT_PER_MINUTE: '30' })).toMatchObject({ RATE_LIMIT_BURST: 12, RATE_LIMIT_PER_MINUTE: 30 });
  });

  it('rejects anything but a whole number from 1 to 10000, naming the key, the value and the fix', () => {
    for (const bad of ['0', '2.5', 'many', '-3', '20000']) {
      expect(() => parseConfig({ RATE_LIMIT_BURST: bad })).toThrow(ConfigError);
      expect(() => parseConfig({ RATE_LIMIT_BURST: bad })).toThrow(new RegExp(`RATE_LIMIT_BURST: "${bad.replace('.', '\\.')}" is not a whole number.*\\.env`));
    }
    expect(() => parseConfig({ RATE_LIMIT_PER_MINUTE: 'x' })).toThrow(/RATE_LIMIT_PER_MINUTE: "x" is not a whole number of questions refilled per minute/);
  });
});
