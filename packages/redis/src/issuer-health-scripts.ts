import { HEALTH_WINDOW_MS, MAX_REQUEST_IDS, PROBE_POLL_MS } from '@issuer-errors/core';
import { NOW_MS, script } from './redis-scripts';

// The issuer's health of one class of one credential, as core's createMemoryHealthStore keeps
// it (the same rules, line for line; docs/architecture.md, "The issuer's health"):
// KEYS[1], a hash: the decayed counts (calls, retries, attempts, failed), when they were counted
// (at), failed attempts in a row (row), when a probe may go (open, 0: closed), and until when the
// probe's lease runs (probe). KEYS[2], a hash: the failures since the last success, kept until the
// breaker closes: started (when it opened), attempts, calls, `a|<status>|<code>` and
// `c|<status>|<code>` (attempts and calls by status and fine code), `r|<request id>` (its order).
// Both expire a minute after the last change, or after the breaker's wait and a minute.

const READ_STATE = `
local window = ${HEALTH_WINDOW_MS}
local state = redis.call('HMGET', KEYS[1], 'calls', 'retries', 'attempts', 'failed', 'at', 'row', 'open', 'probe')
local calls, retries, attempts, failed = tonumber(state[1]) or 0, tonumber(state[2]) or 0, tonumber(state[3]) or 0, tonumber(state[4]) or 0
local at, row = tonumber(state[5]) or now, tonumber(state[6]) or 0
local open, probe = tonumber(state[7]) or 0, tonumber(state[8]) or 0
-- A schedule far ahead of this server's clock (a failover to a node with another clock) is not trusted.
open = math.min(open, now + 300000)
probe = math.min(probe, now + 60000)
local function expire()
  local ttl = math.ceil(math.max(open, probe, now) - now) + 6 * window
  redis.call('PEXPIRE', KEYS[1], ttl)
  if redis.call('EXISTS', KEYS[2]) == 1 then redis.call('PEXPIRE', KEYS[2], ttl) end
end
local function save_breaker()
  redis.call('HSET', KEYS[1], 'open', tostring(open), 'probe', tostring(probe))
  expire()
end`;

/**
 * Records one attempt. ARGV: failed, first, probe, wantsRetry, budgeted (each 1 or 0), status
 * ('' for none), fine code, request id ('' for none), retryRatio, minRetries,
 * consecutiveFailures, failureRatio, minimumAttempts, the probe's wait (min and max ms), and a
 * jitter draw in [0, 1) of the client's.
 *
 * Returns { retry (1 or 0), what refused it ('' for nothing), ms the breaker stays open (0:
 * closed), 'opened', 'closed' or '', the server's time, then the failures hash as HGETALL gives
 * it when the breaker opened or closed }.
 */
export const RECORD_SCRIPT = script(`${NOW_MS}${READ_STATE}
local is_failed, is_first, is_probe = ARGV[1] == '1', ARGV[2] == '1', ARGV[3] == '1'
local wants_retry, budgeted = ARGV[4] == '1', ARGV[5] == '1'
local ratio, min_retries = tonumber(ARGV[9]), tonumber(ARGV[10])
local consecutive, failure_ratio, minimum = tonumber(ARGV[11]), tonumber(ARGV[12]), tonumber(ARGV[13])
local probe_wait = math.floor(tonumber(ARGV[14]) + tonumber(ARGV[16]) * (tonumber(ARGV[15]) - tonumber(ARGV[14])) + 0.5)

local factor = math.exp(-math.max(0, now - at) / window)
calls, retries, attempts, failed = calls * factor, retries * factor, attempts * factor, failed * factor
attempts = attempts + 1
if is_first then calls = calls + 1 end
if is_failed then
  failed = failed + 1
  row = row + 1
else
  row = 0
  if open == 0 then redis.call('DEL', KEYS[2]) end
end

local transition = ''
if is_probe then probe = 0 end
if is_probe and open > 0 then
  if is_failed then
    open = now + probe_wait
  else
    transition = 'closed'
    open = 0
  end
elseif open == 0 and is_failed and (row >= consecutive or (attempts >= minimum and failed >= failure_ratio * attempts)) then
  open = now + probe_wait
end

local retry, refused = 0, ''
if wants_retry then
  if open > 0 then
    refused = 'breaker'
  elseif not budgeted then
    retry = 1
  elseif retries + 1 > ratio * calls + min_retries then
    refused = 'retry_budget'
  else
    retry = 1
    retries = retries + 1
  end
end

if is_failed then
  local final = retry == 0
  local name = ARGV[6] .. '|' .. ARGV[7]
  redis.call('HINCRBY', KEYS[2], 'attempts', 1)
  redis.call('HINCRBY', KEYS[2], 'a|' .. name, 1)
  if final then
    redis.call('HINCRBY', KEYS[2], 'calls', 1)
    redis.call('HINCRBY', KEYS[2], 'c|' .. name, 1)
  end
  if ARGV[8] ~= '' and tonumber(redis.call('HGET', KEYS[2], 'ids') or '0') < ${MAX_REQUEST_IDS} then
    if redis.call('HSETNX', KEYS[2], 'r|' .. ARGV[8], redis.call('HINCRBY', KEYS[2], 'ids', 1)) == 0 then
      redis.call('HINCRBY', KEYS[2], 'ids', -1)
    end
  end
end
if open > 0 and transition == '' and redis.call('HSETNX', KEYS[2], 'started', now) == 1 then
  transition = 'opened'
end

redis.call('HSET', KEYS[1], 'calls', tostring(calls), 'retries', tostring(retries), 'attempts', tostring(attempts), 'failed', tostring(failed), 'at', tostring(now), 'row', row)
save_breaker()
local reply = { retry, refused, math.ceil(math.max(0, open - now)), transition, tostring(now) }
if transition ~= '' then
  for _, value in ipairs(redis.call('HGETALL', KEYS[2])) do table.insert(reply, value) end
end
if transition == 'closed' then redis.call('DEL', KEYS[2]) end
return reply`);

/**
 * Asked while the breaker is open and a process's wait is over. ARGV: how long the process
 * believes the breaker is open (ms; restores a breaker when Redis has no state for it), the
 * probe's lease (ms).
 * Returns { 'closed' }, { 'probe' } (this process holds the lease) or { 'open', ms to wait }.
 */
export const ADMIT_SCRIPT = script(`${NOW_MS}${READ_STATE}
local known, lease = tonumber(ARGV[1]), tonumber(ARGV[2])
-- Redis lost the state (a restart, a failover, an eviction): the process's breaker is kept. A state
-- that says closed is believed: another process's probe closed it.
if known > 0 and redis.call('EXISTS', KEYS[1]) == 0 then
  open = now + known
  redis.call('HSETNX', KEYS[2], 'started', now)
  save_breaker()
end
if open == 0 then return { 'closed', 0 } end
if probe > now then return { 'open', math.ceil(math.min(${PROBE_POLL_MS}, probe - now)) } end
if open > now then return { 'open', math.ceil(open - now) } end
probe = now + lease
save_breaker()
return { 'probe', 0 }`);
