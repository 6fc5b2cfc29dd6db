import { AGENCY_BYLINE, DATE_HEADER } from './extractMetadata.ts';

/**
 * Lines that are page furniture, never article prose: share bars, follow prompts, read-time
 * and update stamps, tag lists, breadcrumbs, bylines, photo captions, agency credits, ID
 * codes. Each pattern describes a kind of chrome seen across news sites, not one page.
 */
const CHROME_LINES: readonly RegExp[] = [
  // share bars and follow prompts: "Follow Us", "LinkedIN Icon", "Click here to follow our WhatsApp channel"
  /^(?:follow us|share|share this( article| story)?|print|email|copy link|comments?)$/i,
  /^(?:facebook|twitter|x|linkedin|whatsapp|telegram|instagram|youtube|reddit|email|share)(?: icon)?$/i,
  /^(?:click here to |tap here to )?(?:follow|join|subscribe to|download)\b.{0,60}\b(?:whatsapp|telegram|channel|newsletter|google news|app|us on)\b.{0,30}(?<![.!?"”])$/i,
  // navigation: "Next Story", "Advertisement", "Story continues below advertisement"
  /^(?:next|previous) (?:story|article)$/i,
  /^(?:advertisement|sponsored|story continues below(?: this)? advertisement)$/i,
  // stamps: "3 min read Last Updated : Dec 27 2023 | 4:38 PM IST", "First Published: …", "Topics :…"
  /^\d+\s*(?:min|mins|minutes?)\s+read\b/i,
  /^(?:last updated|first published|published(?: on)?|updated(?: on)?|posted(?: on)?)\s*:/i,
  /^(?:topics|tags|keywords)\s*:/i,
  // breadcrumbs: "Home / India News / …"
  /^(?:home|news)\s*[/›»>|]\s*\S/i,
  // MENAFN-style article codes and a lone outlet name at the foot of the page
  /^[A-Z]{2,}\d{6,}ID\d+$/,
  /^MENAFN$/,
  // agency credits: "(with inputs from PTI)", "(PTI)"
  /^\((?:with )?(?:(?:agency )?inputs? from [^)]{1,40}|PTI|IANS|ANI|AFP|AP|Reuters|agencies)\)$/i,
  // bylines: "Press Trust of India Moscow", "By Jane Doe"
  AGENCY_BYLINE,
  /^By\s+[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*){0,4}(?:\s*[,|]\s*[^.!?]{0,40})?$/,
  // photo captions: "… this year. (Photo: X/@drjaishankar)", "Photo: Reuters"
  /\((?:photo|image|picture|pic|file photo|photo credit|representational image)\b[^)]*\)$/i,
  /^(?:photo|image|file photo|photo credit)\s*:/i,
];

/** A heading that opens a list of links to other stories: drop it and the headlines under it. */
const LINK_LIST_HEADINGS =
  /^(?:also read|read also|explore news|read more|more from [\w ]+|related(?: news| stories| articles)?|you may also like|recommended(?: for you| stories)?|trending(?: now| news)?|top stories|latest news|must read|more stories)\s*:?$/i;

/** A disclaimer heading: the rest of its paragraph is boilerplate. */
const DISCLAIMER = /^(?:legal )?disclaimer\s*:?/i;

/** Agency tag opening a paragraph: "(MENAFN) Russian Foreign Minister…". */
const LEADING_AGENCY_TAG = /^\((?:MENAFN|PTI|IANS|ANI|AFP|AP|Reuters)\)\s*[-–—:]?\s*/;

/** A line that reads as a finished sentence, i.e. article prose rather than a headline or label. */
const ENDS_LIKE_PROSE = /[.!?…]["'”’)\]]*$/;

/**
 * Remove page chrome from article text and return its paragraphs (lines inside a paragraph
 * joined by `\n`). Besides line patterns it drops link lists: after a heading such as
 * `Also Read` or `Explore News`, every following paragraph that does not read as prose
 * (headlines and section labels have no full stop) goes too, up to the next real paragraph.
 */
export function removeChrome(text: string): string[] {
  const paragraphs: string[] = [];
  let inLinkList = false;
  const blocks = text.replace(DATE_HEADER, '').split(/\n[ \t\u00a0]*\n/);
  for (const block of blocks) {
    const lines = block.split('\n').map((l) => l.trim()).filter((l) => l !== '');
    const kept: string[] = [];
    let opensLinkList = false;
    for (const line of lines) {
      if (LINK_LIST_HEADINGS.test(line)) {
        opensLinkList = true;
        break;
      }
      if (DISCLAIMER.test(line)) break;
      if (CHROME_LINES.some((p) => p.test(line))) continue;
      const prose = line.replace(LEADING_AGENCY_TAG, '');
      if (prose !== '') kept.push(prose);
    }
    if (inLinkList && kept.some((l) => ENDS_LIKE_PROSE.test(l))) inLinkList = false;
    if (!inLinkList && kept.length > 0) paragraphs.push(kept.join('\n'));
    if (opensLinkList) inLinkList = true;
  }
  return paragraphs;
}
