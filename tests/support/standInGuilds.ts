/**
 * The stand-in's guilds and how they map to shards. Two guilds, chosen so that with two
 * shards each lands on its own: the main guild on shard 1, the second guild on shard 0 (with
 * the DMs, which Discord always delivers on shard 0).
 */

export interface StandInGuild {
  id: string;
  name: string;
  /** Text channels: the first is the guild's general channel. */
  channels: { id: string; name: string }[];
}

export const BOT_USER = { id: '1100000000000000001', username: 'Archivist', bot: true } as const;

const ALL_PERMISSIONS = '2251799813685247';
export { ALL_PERMISSIONS };

export const MAIN_GUILD: StandInGuild = {
  id: '1100000000000000100',
  name: 'Stand-in Guild',
  channels: [
    { id: '1100000000000000201', name: 'general' },
    { id: '1100000000000000202', name: 'ask-the-archive' },
    { id: '1100000000000000203', name: 'off-topic' },
  ],
};

export const SECOND_GUILD: StandInGuild = {
  id: '1100000001000000100',
  name: 'Second Guild',
  channels: [{ id: '1100000001000000201', name: 'general' }],
};

export const GUILDS: readonly StandInGuild[] = [MAIN_GUILD, SECOND_GUILD];

/** Discord's rule: a guild belongs to shard `(guild_id >> 22) % shard_count`; DMs (no guild) to shard 0. */
export function shardOf(guildId: string | undefined, shardCount: number): number {
  if (!guildId) return 0;
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

/** The guild a channel belongs to, when it is one of the stand-in's guild channels. */
export function guildOfChannel(channelId: string): StandInGuild | undefined {
  return GUILDS.find((g) => g.channels.some((c) => c.id === channelId));
}

/** A GUILD_CREATE payload: channels, the @everyone role (the guild's id) and the bot as member. */
export function guildCreatePayload(guild: StandInGuild): any {
  const channel = (id: string, name: string, position: number) => ({
    id,
    type: 0,
    guild_id: guild.id,
    name,
    position,
    permission_overwrites: [],
    nsfw: false,
    topic: null,
    last_message_id: null,
    rate_limit_per_user: 0,
    parent_id: null,
  });
  return {
    id: guild.id,
    name: guild.name,
    icon: null,
    owner_id: '1100000000000000999',
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    mfa_level: 0,
    nsfw_level: 0,
    premium_tier: 0,
    preferred_locale: 'en-US',
    system_channel_flags: 0,
    features: [],
    emojis: [],
    stickers: [],
    roles: [
      {
        id: guild.id,
        name: '@everyone',
        permissions: ALL_PERMISSIONS,
        position: 0,
        color: 0,
        hoist: false,
        managed: false,
        mentionable: false,
        flags: 0,
      },
    ],
    channels: guild.channels.map((c, i) => channel(c.id, c.name, i)),
    threads: [],
    members: [
      {
        user: { id: BOT_USER.id, username: BOT_USER.username, discriminator: '0', bot: true, avatar: null, global_name: null },
        roles: [],
        joined_at: new Date(0).toISOString(),
        deaf: false,
        mute: false,
        flags: 0,
      },
    ],
    member_count: 2,
    presences: [],
    voice_states: [],
    stage_instances: [],
    guild_scheduled_events: [],
    large: false,
    unavailable: false,
    joined_at: new Date(0).toISOString(),
  };
}
