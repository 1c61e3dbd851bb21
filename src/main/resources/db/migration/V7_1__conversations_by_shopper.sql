-- Writing to a shopper first (deal reminders) looks up their latest conversation on a channel.
CREATE INDEX conversations_by_shopper ON conversations (shopper_id, channel, updated_at);
