import type { Event } from '../types.ts';
import { clientError, clientWarning, shardError } from './clientProblems.ts';
import interactionCreate from './interactionCreate.ts';
import messageCreate from './messageCreate.ts';
import ready from './ready.ts';

/** Every client event the bot listens to. */
export const events: readonly Event<any>[] = [ready, messageCreate, interactionCreate, clientError, shardError, clientWarning];
