import { createHash } from 'node:crypto';

/** A Lua script and its SHA-1, by which Redis caches it. */
export interface RedisScript {
  readonly source: string;
  readonly sha: string;
}

/** A script of `source`. */
export const script = (source: string): RedisScript => ({
  source,
  sha: createHash('sha1').update(source).digest('hex'),
});

/** The longest cooldown a value without its own length is trusted for: 24 h, as an error's `retryAfterMs`. */
const MAX_COOLDOWN_MS = 86_400_000;

/** The scripts' first lines: `now`, in ms on the Redis server's clock. */
// Every script reads the Redis server's clock (TIME), never a host's: hosts' clocks drift. A script
// that reads TIME and then writes is replicated by its effects; Redis 5 and later always do so,
// and `redis.replicate_commands()` asks Redis 3.2 and 4 for it.
export const NOW_MS = `redis.replicate_commands()
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + tonumber(time[2]) / 1000`;

/**
 * Reserves the next slot of a budget by GCRA (the generic cell rate algorithm), unless a
 * cooldown runs, and counts the fleet.
 *
 * KEYS: the budget's schedule (the theoretical arrival time, ms on the server's clock), the
 * cooldown (`<end> <length>`), the rate the fleet keeps (`<ms between slots> <burst>`), and the
 * fleet (a sorted set of process ids by the time each last took a slot).
 * ARGV: ms between slots (0: no budget), burst, this process's id, how long a process that
 * takes no slot still counts as one of the fleet (ms).
 *
 * Returns { ms to wait, ms of cooldown left, 1 when a slot was reserved, the processes counted,
 * the rate kept when another process asked for another one ('' otherwise) }. A process that asks
 * with another rate gets the stricter of the two: the longer interval and the smaller burst.
 * What is read back is bounded: a cooldown by the length it was set with, a schedule by what the
 * fleet and the burst can reserve, so a clock that moved (a failover) or a bad write cannot hold
 * requests back for longer.
 */
export const TAKE_SCRIPT = script(`${NOW_MS}
local interval = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local window = tonumber(ARGV[4])

redis.call('ZADD', KEYS[4], now, ARGV[3])
redis.call('ZREMRANGEBYSCORE', KEYS[4], '-inf', now - window)
redis.call('ZREMRANGEBYSCORE', KEYS[4], '(' .. (now + window), '+inf')
redis.call('PEXPIRE', KEYS[4], math.ceil(window))
local fleet = redis.call('ZCARD', KEYS[4])

local cooldown = redis.call('GET', KEYS[2])
if cooldown then
  local ends, length = string.match(cooldown, '^([%d.]+) ([%d.]+)$')
  ends = tonumber(ends or cooldown) or 0
  length = tonumber(length) or ${MAX_COOLDOWN_MS}
  local left = math.min(ends - now, length)
  if left > 0 then return { math.ceil(left), math.ceil(left), 0, fleet, '' } end
end
if interval <= 0 then return { 0, 0, 0, fleet, '' } end

local mismatch = ''
local kept = redis.call('GET', KEYS[3])
local kept_interval, kept_burst
if kept then
  local a, b = string.match(kept, '^([%d.]+) (%d+)$')
  kept_interval, kept_burst = tonumber(a), tonumber(b)
end
if kept_interval and kept_burst then
  if math.abs(kept_interval - interval) > 0.001 or kept_burst ~= burst then mismatch = kept end
  local strict_interval = math.max(interval, kept_interval)
  local strict_burst = math.min(burst, kept_burst)
  -- A rate is kept while someone asks for it: one nobody asks for any more expires.
  if mismatch == '' or strict_interval ~= kept_interval or strict_burst ~= kept_burst then
    redis.call('SET', KEYS[3], string.format('%.3f %d', strict_interval, strict_burst), 'PX', math.ceil(window))
  end
  interval, burst = strict_interval, strict_burst
else
  redis.call('SET', KEYS[3], string.format('%.3f %d', interval, burst), 'PX', math.ceil(window))
end

local tolerance = (burst - 1) * interval
local horizon = (4 * fleet + burst) * interval
local arrival = tonumber(redis.call('GET', KEYS[1]) or '0') or 0
arrival = math.min(math.max(arrival, now), now + horizon)
local wait = math.max(0, arrival - tolerance - now)
arrival = arrival + interval
redis.call('SET', KEYS[1], string.format('%.3f', arrival), 'PX', math.ceil(arrival - now) + 1)
return { math.ceil(wait), 0, 1, fleet, mismatch }`);

/**
 * Cools a class down for ARGV[1] ms from now, unless a longer cooldown already runs.
 * KEYS: the cooldown (`<end> <length>`, ms on the server's clock).
 */
export const COOL_DOWN_SCRIPT = script(`${NOW_MS}
local cooldown = tonumber(ARGV[1])
local ends = now + cooldown
local current = redis.call('GET', KEYS[1])
local current_end = current and tonumber(string.match(current, '^([%d.]+)') or '') or 0
if cooldown > 0 and ends > current_end then
  redis.call('SET', KEYS[1], string.format('%.3f %d', ends, cooldown), 'PX', math.ceil(cooldown))
end
return 0`);
