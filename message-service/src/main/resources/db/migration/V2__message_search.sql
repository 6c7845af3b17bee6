-- Substring search over message text, Korean included, without extensions (pg_trgm cannot index a two-character
-- pattern, and neither it nor pg_bigm is in every PostgreSQL build this runs on).
--
-- messages.bigrams(text): the lower-cased two-character substrings of the text (overlapping, duplicates allowed:
-- GIN keeps each key once per row anyway). Any text containing q contains every bigram of q, so
-- "bigrams(content) @> bigrams(q)" narrows the rows through the GIN index and a LIKE on the few candidates decides.
-- It is one expression of built-in C functions, so PostgreSQL inlines it (no function call per row on insert):
-- '(..)|.' cuts the text into pairs from the first character, then again from the second; a lone last character
-- becomes an empty element, removed. U+0001 serves as the separator, so it is taken out of the text first (which
-- keeps "contains q" implying "contains every bigram of q").
CREATE FUNCTION messages.bigrams(content text) RETURNS text[]
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
SELECT array_remove(string_to_array(
           regexp_replace(lower(replace(content, E'\x01', '')), '(..)|.', E'\\1\x01', 'g')
           || regexp_replace(substr(lower(replace(content, E'\x01', '')), 2), '(..)|.', E'\\1\x01', 'g'),
           E'\x01'), '')
$$;

-- The keys of a message: its bigrams and its room id (36 characters, so never mistaken for a bigram). With the room
-- in the same index, "keys @> bigrams(q) AND keys && the caller's room ids" is answered by GIN alone: it intersects
-- the posting lists and returns only candidates from the caller's rooms, whatever the planner guesses about how
-- common the bigrams are (its estimate multiplies their frequencies, far too low for correlated bigrams such as
-- those of one word, which made it skip the room condition and fetch every room's matches from the heap).
CREATE FUNCTION messages.search_keys(room_id uuid, content text) RETURNS text[]
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
SELECT messages.bigrams(content) || room_id::text
$$;

-- On the partitioned table, so every month partition (present and created later) gets its own. Keys compare in the
-- C collation (bytewise): cheaper than the database's collation on every insert, and search needs equality of keys
-- only. Only TEXT messages are searchable (SYSTEM content is machine-readable); a deleted message has no content,
-- hence no keys. fastupdate (the default) queues new keys in a pending list merged in bulk, which keeps the cost per
-- inserted message low; searches read the pending list too, so nothing is missed meanwhile.
CREATE INDEX messages_search ON messages.messages
    USING gin ((messages.search_keys(room_id, content) COLLATE "C"))
    WHERE content_type = 'TEXT';
