/**
 * A subhead or headline ("Jaishankar, Lavrov Review India-Russia Ties"): short and without
 * closing punctuation. Kept in the index (it helps retrieval) but never quoted as an answer,
 * and never read as an article's lead.
 */
export function isHeading(text: string): boolean {
  return !/[.!?…:;"”’')\]]$/.test(text) && text.split(/\s+/).length <= 15;
}
