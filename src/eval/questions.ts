import { readFile } from 'node:fs/promises';
import { z } from 'zod';

/** One evaluation question (shared/eval-format.md). */
export const evalQuestionSchema = z.object({
  id: z.string(),
  question: z.string(),
  answers: z.array(z.string()).default([]),
  sources: z.array(z.string()).default([]),
  answerable: z.boolean().default(true),
  /** Optional: questions sharing a conversation are asked in file order with memory (follow-ups). */
  conversation: z.string().optional(),
  since: z.string().optional(),
  until: z.string().optional(),
});

export type EvalQuestion = z.infer<typeof evalQuestionSchema>;

/** Read a questions JSONL file; a bad line is an error naming the line (an eval must not silently shrink). */
export async function readQuestions(file: string): Promise<EvalQuestion[]> {
  const text = await readFile(file, 'utf8');
  return text
    .split('\n')
    .map((line, i) => [line.trim(), i + 1] as const)
    .filter(([line]) => line.length > 0)
    .map(([line, n]) => {
      let raw: unknown;
      try {
        raw = JSON.parse(line);
      } catch {
        throw new Error(`${file}:${n}: not valid JSON`);
      }
      const parsed = evalQuestionSchema.safeParse(typeof raw === 'object' && raw !== null ? { ...raw, id: String((raw as { id?: unknown }).id) } : raw);
      if (!parsed.success) throw new Error(`${file}:${n}: ${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message}`);
      return parsed.data;
    });
}
