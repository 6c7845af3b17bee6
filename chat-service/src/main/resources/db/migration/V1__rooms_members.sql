CREATE TABLE rooms (
    id               uuid        PRIMARY KEY,
    type             text        NOT NULL CHECK (type IN ('DIRECT', 'GROUP')),
    name             text,
    created_at       timestamptz NOT NULL DEFAULT now(),
    -- bumped write-behind (coalesced) by every accepted message; orders the chat list
    last_activity_at timestamptz NOT NULL DEFAULT now()
);

-- One direct room per pair (user_lo < user_hi). The room row is inserted after the pair
-- row in the same transaction, hence the deferred foreign key.
CREATE TABLE direct_rooms (
    user_lo uuid NOT NULL,
    user_hi uuid NOT NULL,
    room_id uuid NOT NULL UNIQUE REFERENCES rooms (id) DEFERRABLE INITIALLY DEFERRED,
    PRIMARY KEY (user_lo, user_hi),
    CHECK (user_lo < user_hi)
);

-- Leaving deletes the row: a member row is a current membership.
CREATE TABLE members (
    room_id       uuid        NOT NULL REFERENCES rooms (id),
    user_id       uuid        NOT NULL,
    joined_at     timestamptz NOT NULL DEFAULT now(),
    last_read_seq bigint      NOT NULL DEFAULT 0,
    muted         boolean     NOT NULL DEFAULT false,
    PRIMARY KEY (room_id, user_id)
);

-- the chat list and GET /internal/users/{userId}/rooms
CREATE INDEX members_user_idx ON members (user_id);
