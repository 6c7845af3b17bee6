-- Every stored message, range-partitioned by month on sent_at. The month partitions are created ahead of time by the
-- service (partition.PartitionMaintenance); the DEFAULT partition only catches a row whose month has no partition yet.
--
-- A unique key on a partitioned table must include the partition key, hence (room_id, seq, sent_at). A redelivered
-- stream entry carries the same sent_at, so INSERT ... ON CONFLICT DO NOTHING on this key makes redelivery harmless.
-- Its leading columns (room_id, seq) are also the history index: every history, max-seq and last-message query is
-- "one room, ordered by seq", and a second (room_id, seq) index would only double the write cost of each message.
CREATE TABLE messages.messages (
    message_id    uuid        NOT NULL,
    room_id       uuid        NOT NULL,
    seq           bigint      NOT NULL,
    sender_id     uuid        NOT NULL,
    client_msg_id text        NOT NULL,
    content_type  text        NOT NULL,
    content       text,
    sent_at       timestamptz NOT NULL,
    edited_at     timestamptz,
    deleted       boolean     NOT NULL DEFAULT false,
    CONSTRAINT messages_pkey PRIMARY KEY (room_id, seq, sent_at)
) PARTITION BY RANGE (sent_at);

CREATE TABLE messages.messages_default PARTITION OF messages.messages DEFAULT;
