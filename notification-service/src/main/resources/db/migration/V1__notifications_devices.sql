-- The in-app inbox. Ids are UUIDv7, so a user's notifications page newest first by id alone.
CREATE TABLE notifications (
    id          uuid PRIMARY KEY,
    user_id     uuid        NOT NULL,
    type        text        NOT NULL,
    data        jsonb       NOT NULL,
    -- what the notification is about (a friend request, an invitation event, a room's seq) and for whom:
    -- a redelivered stream entry finds its notification already there and adds nothing
    dedupe_key  text        NOT NULL,
    created_at  timestamptz NOT NULL,
    read_at     timestamptz
);

CREATE UNIQUE INDEX notifications_dedupe_key ON notifications (dedupe_key);
CREATE INDEX notifications_user_newest ON notifications (user_id, id);
CREATE INDEX notifications_user_unread ON notifications (user_id) WHERE read_at IS NULL;

-- Push devices, each owned by one user. One push address (an FCM/APNs token, a Web Push endpoint) belongs to one
-- device of one user: registered again by someone else (a shared phone, a new login), it moves to them.
CREATE TABLE devices (
    user_id       uuid        NOT NULL,
    device_id     text        NOT NULL,
    platform      text        NOT NULL,
    address       text        NOT NULL,
    p256dh        text,
    auth          text,
    registered_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, device_id)
);

CREATE UNIQUE INDEX devices_address ON devices (platform, address);
