import type { Button } from '../types.ts';
import more from './more.ts';
import passage from './passage.ts';
import sources from './sources.ts';
import vote from './vote.ts';

/** Every button family, by the first segment of its custom id. */
export const buttons: ReadonlyMap<string, Button> = new Map([more, passage, vote, sources].map((b) => [b.name, b]));
