import { createHash } from 'node:crypto';

/** A Lua script and its SHA-1, by which Redis caches it. */
export interface RedisScript {
  readonly source: string;
  readonly sha: string;
}

const script = (source: string): RedisScript => ({
  source,
  sha: createHash('sha1').update(source).digest('hex'),
});

// Both scripts read the Redis server's clock (TIME), never a host's: hosts' clocks drift.
const NOW_MS = `local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + tonumber(time[2]) / 1000`;

/**
 * Takes a slot of a budget by GCRA (the generic cell rate algorithm), unless a cooldown runs.
 * KEYS: the budget's theoretical arrival time, the cooldown's end (both ms on the server's clock).
 * ARGV: ms between requests (0: no budget), burst.
 * Returns { ms to wait (0: a slot was taken), ms of cooldown left }.
 */
export const TAKE_SCRIPT = script(`${NOW_MS}
local cooldown_until = tonumber(redis.call('GET', KEYS[2]) or '0')
if cooldown_until > now then
  local left = math.ceil(cooldown_until - now)
  return { left, left }
end
local interval = tonumber(ARGV[1])
if interval <= 0 then return { 0, 0 } end
local tolerance = (tonumber(ARGV[2]) - 1) * interval
local arrival = math.max(tonumber(redis.call('GET', KEYS[1]) or '0'), now)
local wait = arrival - tolerance - now
if wait > 0 then return { math.ceil(wait), 0 } end
arrival = arrival + interval
redis.call('SET', KEYS[1], string.format('%.3f', arrival), 'PX', math.ceil(arrival - now) + 1)
return { 0, 0 }`);

/**
 * Cools a class down for ARGV[1] ms from now, unless a longer cooldown already runs.
 * KEYS: the cooldown's end (ms on the server's clock).
 */
export const COOL_DOWN_SCRIPT = script(`${NOW_MS}
local cooldown = tonumber(ARGV[1])
local cooldown_until = now + cooldown
if cooldown > 0 and cooldown_until > tonumber(redis.call('GET', KEYS[1]) or '0') then
  redis.call('SET', KEYS[1], string.format('%.3f', cooldown_until), 'PX', math.ceil(cooldown))
end
return 0`);
