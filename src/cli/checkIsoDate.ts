import * as chrono from 'chrono-node';
import { UsageError } from './usageError.ts';

/** `--since` / `--until` accept ISO dates or plain dates chrono can read ("May 2023"); → ISO. */
export function checkIsoDate(flag: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  if (/^\d{4}$/.test(value)) return flag === 'until' ? `${value}-12-31` : `${value}-01-01`;
  const parsed = chrono.parseDate(value);
  if (!parsed) throw new UsageError(`--${flag} "${value}" is not a date: use YYYY-MM-DD, e.g. --${flag} 2023-05-01`);
  return parsed.toISOString().slice(0, 10);
}
