import { appendFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';

/** One 👍 / 👎, as a line of the feedback JSONL file. */
export interface FeedbackRecord {
  at: string;
  vote: 'up' | 'down';
  userId: string;
  question: string;
  answer: string;
  kind: string;
  sources: { n: number; docId: string; title: string }[];
  messageId: string | null;
  channelId: string | null;
  guildId: string | null;
}

/** Appends one record as a JSON line (a single write, so concurrent votes don't interleave). */
export async function appendFeedback(file: string, record: FeedbackRecord): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await appendFile(file, `${JSON.stringify(record)}\n`, 'utf8');
}
