-- One token bucket, kept in one hash: "t" = tokens left (may be fractional), "ts" = ms of the last update.
-- KEYS[1] the bucket; ARGV[1] tokens added per second; ARGV[2] capacity (the burst).
-- Takes one token. Returns 0 when it was there, otherwise the milliseconds until one will be.
-- The clock is the Redis server's (TIME), so gateway instances with skewed clocks agree; calling TIME before a
-- write is allowed since Redis 5 (scripts replicate their effects), so this runs on Redis 6.2 and 7.
local rate = tonumber(ARGV[1])
local capacity = tonumber(ARGV[2])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local state = redis.call('HMGET', KEYS[1], 't', 'ts')
local tokens = tonumber(state[1]) or capacity
local last = tonumber(state[2]) or now
if now > last then
  tokens = math.min(capacity, tokens + (now - last) * rate / 1000)
  last = now
end
local wait = 0
if tokens >= 1 then
  tokens = tokens - 1
else
  wait = math.ceil((1 - tokens) * 1000 / rate)
end
redis.call('HSET', KEYS[1], 't', tostring(tokens), 'ts', tostring(last))
-- A bucket left alone until it is full again is the same as no bucket.
redis.call('PEXPIRE', KEYS[1], math.ceil(capacity * 1000 / rate) + 1000)
return wait
