-- Every change to a pair of users (request, accept, remove, block) first takes a transaction-scoped advisory
-- lock on the unordered pair (see PairLock), so concurrent calls on one pair run one after the other. The
-- constraints below are the safety net behind that lock.

CREATE TABLE friend_requests (
    id           uuid PRIMARY KEY,
    from_user_id uuid        NOT NULL,
    to_user_id   uuid        NOT NULL,
    status       text        NOT NULL CHECK (status IN ('PENDING', 'ACCEPTED', 'DECLINED', 'CANCELLED')),
    created_at   timestamptz NOT NULL DEFAULT now(),
    responded_at timestamptz,
    CHECK (from_user_id <> to_user_id)
);
-- The incoming and outgoing boxes, newest first.
CREATE INDEX friend_requests_to_status_idx ON friend_requests (to_user_id, status, created_at DESC);
CREATE INDEX friend_requests_from_status_idx ON friend_requests (from_user_id, status, created_at DESC);
-- At most one pending request per ordered pair; answered requests stay as history.
CREATE UNIQUE INDEX friend_requests_one_pending_key ON friend_requests (from_user_id, to_user_id)
    WHERE status = 'PENDING';

-- Both directions are stored, so that a user's friend list is one range scan of the primary key.
CREATE TABLE friendships (
    user_id   uuid        NOT NULL,
    friend_id uuid        NOT NULL,
    since     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, friend_id),
    CHECK (user_id <> friend_id)
);

CREATE TABLE blocks (
    blocker_id uuid        NOT NULL,
    blocked_id uuid        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (blocker_id, blocked_id),
    CHECK (blocker_id <> blocked_id)
);
-- Who blocked a user (the other direction of the either-way check).
CREATE INDEX blocks_blocked_idx ON blocks (blocked_id);
