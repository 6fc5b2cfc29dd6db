import type { Command } from '../types.ts';
import ask from './ask.ts';
import help from './help.ts';
import search from './search.ts';
import source from './source.ts';
import sources from './sources.ts';
import stats from './stats.ts';

/** Every slash command, by name: the router's table and what `npm run register` sends. */
export const commands: ReadonlyMap<string, Command> = new Map(
  [ask, search, sources, source, help, stats].map((c) => [c.data.name, c]),
);
