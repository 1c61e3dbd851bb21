-- wrk script for scripts/bench-webchat-wrk.sh: POSTs shoppers' sentences to web chat sessions made beforehand
-- (one id a line in the file named by WEBCHAT_SESSIONS), each with a clientMessageId never used before.
local sentences = {
  "where is my order PA-123456", "show me red sneakers", "and in black?", "thanks", "hi",
  "what are your opening hours in Paris", "do you have sneakers in stock", "track my parcel PA-482913",
  "how much is it", "I need my invoice for PA-345678", "where are your stores in Berlin",
  "can I get a refund for PA-678901"
}
local sessions = {}
for line in io.lines(os.getenv("WEBCHAT_SESSIONS")) do
  sessions[#sessions + 1] = line
end
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("thread_id", threads)
end

local counter = 0
function request()
  counter = counter + 1
  -- threads take turns over the sessions so no session exceeds its per-minute rate limit
  local session = sessions[((counter * 7 + thread_id) % #sessions) + 1]
  -- a session's successive visits (counter + k * #sessions) get different sentences, so no shopper repeats a
  -- question and trips the hand-off policy's repeated-question rule (a queued conversation skips the NLU)
  local sentence = sentences[((counter + math.floor(counter / #sessions)) % #sentences) + 1]
  local body = string.format('{"text":"%s","clientMessageId":"wrk-%s-%d-%d"}',
    sentence, os.getenv("RUN_ID"), thread_id, counter)
  return wrk.format("POST", "/api/webchat/sessions/" .. session .. "/messages",
    { ["Content-Type"] = "application/json" }, body)
end
