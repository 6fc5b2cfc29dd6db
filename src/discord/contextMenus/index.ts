import type { MessageCommand } from '../types.ts';
import findSources from './findSources.ts';

/** Every message command (right-click a message → Apps), by name: the router's table and what `npm run register` sends. */
export const messageCommands: ReadonlyMap<string, MessageCommand> = new Map([findSources].map((c) => [c.data.name, c]));
