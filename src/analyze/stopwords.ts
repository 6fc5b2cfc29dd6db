/**
 * Function words that carry no topic (and the quantity words of "how many / how much", which ask
 * for a number rather than name a topic). Dropped from the lexical index and the hashed
 * embedding so scores follow content words. Question words (who, when, where…) are here too:
 * they steer answer-type cues in extraction, not retrieval. "Regarding", "concerning" and
 * "according (to)" are prepositions made from verbs: kept, they were stemmed to the verbs
 * "regard" and "accord" and lent "view" and "agreement" to the question as related words
 * (relatedTerms.ts), so "What did he push for regarding…" preferred "exchanged views".
 */
export const STOPWORDS: ReadonlySet<string> = new Set(
  `a about above after again against all also am an and any are aren't as at be because been before
being below between both but by can can't cannot could couldn't did didn't do does doesn't doing
don't down during each few for from further had hadn't has hasn't have haven't having he he'd he'll
he's her here here's hers herself him himself his how how's i i'd i'll i'm i've if in into is isn't
it it's its itself let's me more most mustn't my myself no nor not of off on once only or other ought
our ours ourselves out over own same shan't she she'd she'll she's should shouldn't so some such than
that that's the their theirs them themselves then there there's these they they'd they'll they're
they've this those through to too under until up very was wasn't we we'd we'll we're we've were
weren't what what's when when's where where's which while who who's whom why why's with won't would
wouldn't you you'd you'll you're you've your yours yourself yourselves s t just will may might shall
whose did does done said say says tell told many much regarding concerning according`
    .split(/\s+/)
    .filter(Boolean),
);
