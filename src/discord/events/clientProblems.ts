import { Events } from 'discord.js';
import type { Event } from '../types.ts';

/** Client and shard errors are logged; the client reconnects by itself. */
export const clientError = {
  name: Events.Error,
  execute(ctx, err) {
    ctx.log.error({ err }, 'discord client error');
  },
} satisfies Event<Events.Error>;

export const shardError = {
  name: Events.ShardError,
  execute(ctx, err, shardId) {
    ctx.log.error({ err, shardId }, 'discord gateway error');
  },
} satisfies Event<Events.ShardError>;

export const clientWarning = {
  name: Events.Warn,
  execute(ctx, message) {
    ctx.log.warn({ message }, 'discord client warning');
  },
} satisfies Event<Events.Warn>;
