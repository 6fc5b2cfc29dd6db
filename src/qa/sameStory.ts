/**
 * What tells one news story from another: when, where and who. News reports one event several
 * times (a wire story on the day, another outlet's the next), so these are read from the
 * article's date, the places its dateline and lead set it in, and the people its title and
 * lead name.
 */
export interface StoryFacts {
  /** ISO date `YYYY-MM-DD`, or null when the article gives none. */
  date: string | null;
  /** Names of the places the story is set in (storyPlaces.ts). */
  setting: ReadonlySet<string>;
  /** Analysed words of the people its title and lead name (namedPeople.ts). */
  people: ReadonlySet<string>;
}

/** Reports of one event appear on its day or the next (a dateline of the 28th for talks on the 27th). */
export const SAME_STORY_DAYS = 1;

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Whether two articles report the same event: dated within a day of each other, set in the
 * same place, and naming someone in common up front. Undated articles, or ones whose places
 * or people are unknown (WordNet unreadable), are never taken for one story.
 */
export function sameStory(a: StoryFacts, b: StoryFacts): boolean {
  if (!a.date || !b.date) return false;
  const days = Math.abs(Date.parse(a.date) - Date.parse(b.date)) / DAY_MS;
  // Written so an unreadable date (NaN days) is never within a day.
  if (!(days <= SAME_STORY_DAYS)) return false;
  return sharesAny(a.setting, b.setting) && sharesAny(a.people, b.people);
}

function sharesAny(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  for (const x of a) if (b.has(x)) return true;
  return false;
}
