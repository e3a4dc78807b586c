/** Raw INTERACTION_CREATE (and MESSAGE_CREATE, GUILD_CREATE) payloads as Discord sends them, typed with discord-api-types. */
import {
  type APIApplicationCommandAutocompleteInteraction,
  type APIApplicationCommandInteractionDataBasicOption,
  type APIApplicationCommandInteractionDataOption,
  type APIChatInputApplicationCommandInteraction,
  type APIInteraction,
  type APIInteractionDataResolved,
  type APIMessage,
  type APIMessageComponentInteraction,
  type APIModalSubmitInteraction,
  type APIUser,
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ChannelType,
  ComponentType,
  type GatewayGuildCreateDispatchData,
  type GatewayMessageCreateDispatchData,
  GuildDefaultMessageNotifications,
  GuildExplicitContentFilter,
  type GuildMemberFlags,
  GuildMFALevel,
  GuildNSFWLevel,
  GuildPremiumTier,
  type GuildSystemChannelFlags,
  GuildVerificationLevel,
  InteractionContextType,
  InteractionType,
  Locale,
  MessageType,
  PermissionFlagsBits,
} from "discord-api-types/v10";

export const APP_ID = "100000000000000001";
export const GUILD_ID = "200000000000000001";
export const CHANNEL_ID = "400000000000000001";
/** A public thread in CHANNEL_ID. */
export const THREAD_ID = "400000000000000002";
export const ALICE = "300000000000000001";
export const BOB = "300000000000000002";

let counter = 900_000_000_000_000_000n;
function snowflake(): string {
  counter += 1n;
  return String(counter);
}

export interface Who {
  userId?: string;
  /** Omit for a direct message with the bot. */
  guildId?: string | null;
  /** The member's permissions in the channel, as Discord sends them (a decimal bit string). */
  permissions?: bigint;
}

export const MANAGE_GUILD = PermissionFlagsBits.ManageGuild;

export function user(
  id: string,
  name = id === ALICE ? "alice" : id === BOB ? "bob" : `user${id.slice(-3)}`,
): APIUser {
  return {
    id,
    username: name,
    discriminator: "0",
    global_name: name[0]?.toUpperCase() + name.slice(1),
    avatar: null,
  };
}

function base(who: Who) {
  const userId = who.userId ?? ALICE;
  const guildId = who.guildId === undefined ? GUILD_ID : who.guildId;
  const place = guildId
    ? {
        guild_id: guildId,
        guild: { id: guildId, locale: Locale.EnglishUS, features: [] },
        guild_locale: Locale.EnglishUS,
        channel: { id: CHANNEL_ID, type: ChannelType.GuildText as const, guild_id: guildId, name: "study" },
        member: {
          user: user(userId),
          roles: [],
          permissions: String(
            who.permissions ?? PermissionFlagsBits.SendMessages | PermissionFlagsBits.ViewChannel,
          ),
          joined_at: "2024-01-01T00:00:00.000Z",
          deaf: false,
          mute: false,
          flags: 0,
        },
        context: InteractionContextType.Guild,
      }
    : {
        user: user(userId),
        channel: { id: CHANNEL_ID, type: ChannelType.DM as const, recipients: [user(userId)] },
        context: InteractionContextType.BotDM,
      };
  return {
    id: snowflake(),
    application_id: APP_ID,
    token: `token-${counter}`,
    version: 1 as const,
    app_permissions: String(PermissionFlagsBits.SendMessages),
    locale: Locale.EnglishUS,
    entitlements: [],
    authorizing_integration_owners: {},
    channel_id: CHANNEL_ID,
    attachment_size_limit: 8_388_608,
    ...place,
  };
}

type Option = APIApplicationCommandInteractionDataBasicOption;

export function str(name: string, value: string, focused = false): Option {
  return {
    name,
    type: ApplicationCommandOptionType.String,
    value,
    ...(focused ? { focused } : {}),
  } as Option;
}
export function int(name: string, value: number): Option {
  return { name, type: ApplicationCommandOptionType.Integer, value };
}
export function bool(name: string, value: boolean): Option {
  return { name, type: ApplicationCommandOptionType.Boolean, value };
}
export function userOption(name: string, id: string): Option {
  return { name, type: ApplicationCommandOptionType.User, value: id };
}
export function sub(name: string, options: Option[] = []): APIApplicationCommandInteractionDataOption {
  return { name, type: ApplicationCommandOptionType.Subcommand, options };
}

export function slash(
  name: string,
  options: APIApplicationCommandInteractionDataOption[] = [],
  who: Who = {},
  resolved?: APIInteractionDataResolved,
): APIChatInputApplicationCommandInteraction {
  return {
    ...base(who),
    type: InteractionType.ApplicationCommand,
    data: {
      id: snowflake(),
      name,
      type: ApplicationCommandType.ChatInput,
      options,
      ...(resolved ? { resolved } : {}),
    },
  } as APIChatInputApplicationCommandInteraction;
}

export function autocomplete(
  name: string,
  options: APIApplicationCommandInteractionDataOption[],
  who: Who = {},
): APIApplicationCommandAutocompleteInteraction {
  return {
    ...base(who),
    type: InteractionType.ApplicationCommandAutocomplete,
    data: { id: snowflake(), name, type: ApplicationCommandType.ChatInput, options },
  } as APIApplicationCommandAutocompleteInteraction;
}

/** The ephemeral message a component sits on, as Discord includes it in the interaction. */
function message(components: unknown[] = []): APIMessage {
  return {
    id: snowflake(),
    channel_id: CHANNEL_ID,
    type: MessageType.Default,
    content: "",
    embeds: [],
    components: components as APIMessage["components"],
    attachments: [],
    author: {
      id: APP_ID,
      username: "tutor",
      discriminator: "0000",
      global_name: null,
      avatar: null,
      bot: true,
    },
    timestamp: "2024-01-01T00:00:00.000Z",
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    pinned: false,
    flags: 64,
  };
}

export function button(customId: string, who: Who = {}): APIMessageComponentInteraction {
  return {
    ...base(who),
    type: InteractionType.MessageComponent,
    message: message(),
    data: { custom_id: customId, component_type: ComponentType.Button },
  } as APIMessageComponentInteraction;
}

export function select(customId: string, values: string[], who: Who = {}): APIMessageComponentInteraction {
  return {
    ...base(who),
    type: InteractionType.MessageComponent,
    message: message(),
    data: { custom_id: customId, component_type: ComponentType.StringSelect, values },
  } as APIMessageComponentInteraction;
}

/** A modal submitted from a button on a message: its text inputs arrive inside label components. */
export function modalSubmit(
  customId: string,
  fields: Record<string, string>,
  who: Who = {},
): APIModalSubmitInteraction {
  return {
    ...base(who),
    type: InteractionType.ModalSubmit,
    message: message(),
    data: {
      custom_id: customId,
      components: Object.entries(fields).map(([id, value], i) => ({
        type: ComponentType.Label,
        id: i + 2,
        component: { type: ComponentType.TextInput, id: i + 100, custom_id: id, value },
      })),
    },
  } as APIModalSubmitInteraction;
}

export type AnyInteraction = APIInteraction;

// ---- the gateway side: the server as the bot sees it at start, and messages --------------------------------------

/** The bot's own user: a bot's user id is its application id. */
export const BOT_USER: APIUser = { ...user(APP_ID, "tutor"), global_name: null, bot: true };

/** GUILD_CREATE for GUILD_ID (or another server) with the text channel CHANNEL_ID and the thread THREAD_ID in it. */
export function guildCreate(id = GUILD_ID, name = "Study Group"): GatewayGuildCreateDispatchData {
  return {
    id,
    name,
    icon: null,
    splash: null,
    discovery_splash: null,
    owner_id: BOB,
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: GuildVerificationLevel.Low,
    default_message_notifications: GuildDefaultMessageNotifications.OnlyMentions,
    explicit_content_filter: GuildExplicitContentFilter.Disabled,
    roles: [],
    emojis: [],
    features: [],
    mfa_level: GuildMFALevel.None,
    application_id: null,
    system_channel_id: null,
    system_channel_flags: 0 as GuildSystemChannelFlags,
    rules_channel_id: null,
    vanity_url_code: null,
    description: null,
    banner: null,
    premium_tier: GuildPremiumTier.None,
    preferred_locale: Locale.EnglishUS,
    public_updates_channel_id: null,
    nsfw_level: GuildNSFWLevel.Default,
    premium_progress_bar_enabled: false,
    safety_alerts_channel_id: null,
    stickers: [],
    hub_type: null,
    incidents_data: null,
    joined_at: "2024-01-01T00:00:00.000Z",
    large: false,
    member_count: 3,
    voice_states: [],
    members: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
    channels: [
      {
        id: CHANNEL_ID,
        type: ChannelType.GuildText,
        guild_id: id,
        name: "study",
        position: 0,
        permission_overwrites: [],
        parent_id: null,
        nsfw: false,
        topic: null,
        last_message_id: null,
        rate_limit_per_user: 0,
      },
    ],
    threads: [
      {
        id: THREAD_ID,
        type: ChannelType.PublicThread,
        guild_id: id,
        parent_id: CHANNEL_ID,
        name: "pipes, questions",
        owner_id: ALICE,
        last_message_id: null,
        rate_limit_per_user: 0,
        message_count: 1,
        member_count: 1,
        total_message_sent: 1,
        thread_metadata: {
          archived: false,
          auto_archive_duration: 1440,
          archive_timestamp: "2024-01-01T00:00:00.000Z",
          locked: false,
        },
      },
    ],
  } as GatewayGuildCreateDispatchData;
}

export interface MessageOptions {
  userId?: string;
  author?: APIUser;
  channelId?: string;
  /** Omit for a direct message. */
  guildId?: string | null;
  /** Users whose mention Discord resolved (default: those written as <@id> in the content). */
  mentions?: string[];
  mentionEveryone?: boolean;
}

/** MESSAGE_CREATE as Discord sends it. Without the Message Content intent `content` is only filled in when it mentions the bot. */
export function messageCreate(
  content: string,
  options: MessageOptions = {},
): GatewayMessageCreateDispatchData {
  const author = options.author ?? user(options.userId ?? ALICE);
  const guildId = options.guildId === undefined ? GUILD_ID : options.guildId;
  const mentioned: string[] =
    options.mentions ?? [...content.matchAll(/<@!?(\d+)>/g)].map((m) => m[1] as string);
  return {
    id: snowflake(),
    channel_id: options.channelId ?? CHANNEL_ID,
    ...(guildId
      ? {
          guild_id: guildId,
          member: {
            roles: [],
            joined_at: "2024-01-01T00:00:00.000Z",
            deaf: false,
            mute: false,
            flags: 0 as GuildMemberFlags,
          },
        }
      : {}),
    author,
    content,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: options.mentionEveryone ?? false,
    mentions: mentioned.map((id) => (id === APP_ID ? BOT_USER : user(id))),
    mention_roles: [],
    attachments: [],
    embeds: [],
    pinned: false,
    type: MessageType.Default,
  };
}
