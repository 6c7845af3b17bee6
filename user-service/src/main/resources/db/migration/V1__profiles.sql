-- pg_trgm is database-wide and shared by every service's schema. It goes to public so that each service's
-- migration can say IF NOT EXISTS and find it, whoever created it first (and it survives dropping `users`).
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;

CREATE TABLE users.profiles (
    user_id        uuid        PRIMARY KEY,
    email          text        NOT NULL,
    display_name   text        NOT NULL,
    status_message text        NOT NULL DEFAULT '',
    avatar_url     text,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now()
);

-- Emails are unique regardless of case; this index also serves the exact-email search.
CREATE UNIQUE INDEX profiles_email_lower_key ON users.profiles (lower(email));

-- Substring search on display names of three or more characters. The operator class is qualified with the schema
-- the extension actually lives in, which may not be public if another migration installed it first.
DO $$
DECLARE
    trgm_schema name;
BEGIN
    SELECT n.nspname INTO STRICT trgm_schema
    FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
    WHERE e.extname = 'pg_trgm';
    EXECUTE format('CREATE INDEX profiles_display_name_trgm_idx ON users.profiles USING gin (lower(display_name) %I.gin_trgm_ops)',
            trgm_schema);
END
$$;

-- Trigrams cannot serve one- and two-character queries (a Korean given name is often two syllables: 민준), so
-- those search the set of every one- and two-character substring of the name instead.
CREATE FUNCTION users.short_grams(name text) RETURNS text[]
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
    SELECT coalesce(array_agg(DISTINCT substr(name, i, len)), '{}')
    FROM generate_series(1, char_length(name)) AS i, (VALUES (1), (2)) AS lengths(len)
    WHERE i + len - 1 <= char_length(name)
$$;

CREATE INDEX profiles_display_name_short_grams_idx ON users.profiles USING gin (users.short_grams(lower(display_name)));
