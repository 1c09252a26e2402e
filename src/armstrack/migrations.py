"""The store's schema as numbered migrations: each runs in one transaction and is recorded
in ``PRAGMA user_version`` (``Store.migrate``). Add a version; never edit a released one.
"""

from __future__ import annotations

SCHEMA_VERSION = 13

_ARTICLES_VIEW_7 = """
           SELECT id, published, published_precision AS precision,
                  CASE published_inferred WHEN 1 THEN 'inferred' ELSE 'given' END AS published_from,
                  published_earliest, published_latest, source, title, url,
                  (SELECT count(*) FROM article_systems s WHERE s.article_id = articles.id) AS systems,
                  (SELECT count(*) FROM events e WHERE e.article_id = articles.id) AS events,
                  (SELECT count(*) FROM quotes q WHERE q.article_id = articles.id) AS quotes,
                  (SELECT count(*) FROM article_sources s WHERE s.article_id = articles.id) AS sources
           FROM articles"""  # made by version 7, and again by 13, which replaces the quotes table

MIGRATIONS: dict[int, list[str]] = {
    1: [
        """CREATE TABLE articles (
            id TEXT PRIMARY KEY,
            url TEXT,
            source TEXT,
            title TEXT NOT NULL,
            path TEXT,
            published TEXT,
            published_earliest TEXT,
            published_latest TEXT,
            published_precision TEXT,
            published_inferred INTEGER NOT NULL DEFAULT 1,
            text TEXT NOT NULL,
            quotes_text TEXT NOT NULL DEFAULT '',
            record TEXT NOT NULL,
            ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
        )""",
        "CREATE INDEX articles_url ON articles(url)",
        "CREATE INDEX articles_published ON articles(published)",
        "CREATE INDEX articles_source ON articles(source)",
        """CREATE VIRTUAL TABLE articles_fts USING fts5(
            title, text, quotes_text, content='articles', content_rowid='rowid'
        )""",
        """CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
            INSERT INTO articles_fts(rowid, title, text, quotes_text)
            VALUES (new.rowid, new.title, new.text, new.quotes_text);
        END""",
        """CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, title, text, quotes_text)
            VALUES ('delete', old.rowid, old.title, old.text, old.quotes_text);
        END""",
        """CREATE TRIGGER articles_fts_update AFTER UPDATE ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, title, text, quotes_text)
            VALUES ('delete', old.rowid, old.title, old.text, old.quotes_text);
            INSERT INTO articles_fts(rowid, title, text, quotes_text)
            VALUES (new.rowid, new.title, new.text, new.quotes_text);
        END""",
    ],
    2: [
        """CREATE TABLE article_systems (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            system_id TEXT NOT NULL,
            PRIMARY KEY (article_id, system_id)
        )""",
        "CREATE INDEX article_systems_system ON article_systems(system_id)",
        """CREATE TABLE article_actors (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            actor_id TEXT NOT NULL,
            PRIMARY KEY (article_id, actor_id)
        )""",
        "CREATE INDEX article_actors_actor ON article_actors(actor_id)",
        """CREATE TABLE article_events (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            date_start TEXT,
            date_end TEXT
        )""",
        "CREATE INDEX article_events_kind ON article_events(kind, date_start)",
        "CREATE INDEX article_events_article ON article_events(article_id)",
    ],
    3: [
        # Events as rows the timeline merges without parsing records (stored.py computes them).
        "DROP TABLE article_events",
        """CREATE TABLE events (
            id INTEGER PRIMARY KEY,
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            start_day INTEGER,  -- date.toordinal(); null when undated
            end_day INTEGER,
            precision_rank INTEGER NOT NULL,  -- day 0 … year 6, unknown 7
            merge_keys TEXT NOT NULL,  -- its systems and people, space-separated
            sentence_dated INTEGER NOT NULL,
            confidence REAL NOT NULL,
            evidence_start INTEGER NOT NULL,
            published TEXT  -- the article's, copied: the timeline orders by it without a join
        )""",
        # Apart, so that the rows the timeline scans stay narrow (many to a page).
        """CREATE TABLE event_bodies (
            event_id INTEGER PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
            body TEXT NOT NULL  -- the contract's Event as JSON, plus "inferred" (evidence text left out when it is the summary)
        )""",
        # Search lists matching articles in publication order from this index alone.
        "CREATE INDEX articles_order ON articles(published IS NULL, published, id)",
        "CREATE INDEX events_kind_start ON events(kind, start_day)",
        "CREATE INDEX events_start ON events(start_day)",
        "CREATE INDEX events_article ON events(article_id)",
        # Per system, the timeline's light rows in its merge order: `timeline --system X` is
        # one range scan, no lookups and no sort. Undated sorts last (UNDATED_DAY), and so
        # does an unknown publication date ('~' after every ISO date).
        """CREATE TABLE event_systems (
            system_id TEXT NOT NULL,
            start_day INTEGER NOT NULL,
            precision_rank INTEGER NOT NULL,
            published TEXT NOT NULL,
            article_id TEXT NOT NULL,
            event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            end_day INTEGER,
            merge_keys TEXT NOT NULL,
            PRIMARY KEY (system_id, start_day, precision_rank, published, article_id, event_id)
        ) WITHOUT ROWID""",
        "CREATE INDEX event_systems_event ON event_systems(event_id)",
        """CREATE TABLE event_actors (
            actor_id TEXT NOT NULL,
            event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
            PRIMARY KEY (actor_id, event_id)
        ) WITHOUT ROWID""",
        "CREATE INDEX event_actors_event ON event_actors(event_id)",
        "ALTER TABLE article_actors ADD COLUMN name TEXT",
        "ALTER TABLE article_actors ADD COLUMN kind TEXT",
        "ALTER TABLE articles ADD COLUMN published_json TEXT",
    ],
    4: [
        # corrections.fingerprint: the same story in two formats is one article. Rows stored
        # before this version have none until they are stored again.
        "ALTER TABLE articles ADD COLUMN fingerprint TEXT",
        "CREATE INDEX articles_fingerprint ON articles(fingerprint)",
    ],
    5: [
        # Events have a status (done, planned, considered, requested, denied) that the
        # timeline filters and merges on; merge keys became typed ("s:patriot", "p:joe-biden",
        # "$:USD:400000000") so that amounts take part. The derived rows are rebuilt.
        "ALTER TABLE events ADD COLUMN status TEXT NOT NULL DEFAULT 'done'",
        "ALTER TABLE event_systems ADD COLUMN status TEXT NOT NULL DEFAULT 'done'",
    ],
    6: [
        # Following the news (web/): every URL and outlet an article was seen at, the
        # near-duplicate sketches (neardup.py) and the keys that find them, the feeds and
        # every item fetched from them (so a second update fetches nothing it has).
        """CREATE TABLE article_sources (
            article_id TEXT NOT NULL,
            url TEXT NOT NULL,
            source TEXT,
            seen TEXT NOT NULL,
            PRIMARY KEY (article_id, url)
        ) WITHOUT ROWID""",
        "CREATE INDEX article_sources_url ON article_sources(url)",
        """CREATE TABLE article_sketches (
            article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            sketch BLOB NOT NULL
        ) WITHOUT ROWID""",
        """CREATE TABLE sketch_keys (
            key INTEGER NOT NULL,
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            PRIMARY KEY (key, article_id)
        ) WITHOUT ROWID""",
        "CREATE INDEX sketch_keys_article ON sketch_keys(article_id)",
        """CREATE TABLE feeds (
            url TEXT PRIMARY KEY,
            title TEXT,
            added TEXT NOT NULL,
            etag TEXT,
            last_modified TEXT,
            polled TEXT,
            error TEXT
        )""",
        """CREATE TABLE fetched (
            url TEXT PRIMARY KEY,
            feed_url TEXT,
            state TEXT NOT NULL,
            article_id TEXT,
            attempts INTEGER NOT NULL DEFAULT 0,
            error TEXT,
            fetched TEXT NOT NULL
        )""",
        "CREATE INDEX fetched_feed ON fetched(feed_url, state)",
    ],
    7: [
        # Views a person can open in Datasette (`datasette armstrack.db`): articles, events
        # with their sources, quotes with their speakers, system mentions. Quotes become
        # derived rows (they were only inside the compressed records); the derived rows are
        # rebuilt. Dates are ISO text; an event's day numbers are Python ordinals
        # (julianday('0001-01-01') = 1721425.5).
        """CREATE TABLE quotes (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            text TEXT NOT NULL,
            speaker TEXT,
            speaker_id TEXT,
            speaker_description TEXT,
            partial INTEGER NOT NULL,
            PRIMARY KEY (article_id, start)
        ) WITHOUT ROWID""",
        f"CREATE VIEW articles_view AS{_ARTICLES_VIEW_7}",
        """CREATE VIEW events_view AS
           SELECT e.id, e.kind, e.status,
                  CASE WHEN e.start_day IS NULL OR e.start_day > 3652059 THEN NULL
                       ELSE date(e.start_day + 1721424.5) END AS date_start,
                  CASE WHEN e.end_day IS NULL OR e.end_day > 3652059 THEN NULL
                       ELSE date(e.end_day + 1721424.5) END AS date_end,
                  json_extract(b.body, '$.date.precision') AS date_precision,
                  json_extract(b.body, '$.summary') AS summary,
                  coalesce(json_extract(b.body, '$.evidence.text'), json_extract(b.body, '$.summary')) AS sentence,
                  json_extract(b.body, '$.amount.value') AS amount,
                  json_extract(b.body, '$.amount.currency') AS currency,
                  (SELECT group_concat(system_id, ', ') FROM event_systems s WHERE s.event_id = e.id) AS systems,
                  e.article_id, a.title AS article_title, a.source AS article_source, a.url AS article_url,
                  a.published AS article_published
           FROM events e JOIN event_bodies b ON b.event_id = e.id JOIN articles a ON a.id = e.article_id""",
        """CREATE VIEW quotes_view AS
           SELECT q.article_id, a.published, a.source, a.title,
                  coalesce(q.speaker, '(' || q.speaker_description || ')') AS speaker, q.speaker_id,
                  q.text AS quote, q.partial, q.start, q."end"
           FROM quotes q JOIN articles a ON a.id = q.article_id""",
        """CREATE VIEW mentions_view AS
           SELECT s.system_id, a.id AS article_id, a.published, a.source, a.title, a.url
           FROM article_systems s JOIN articles a ON a.id = s.article_id""",
    ],
    8: [
        # An event's body keeps only what its row and its article's text do not hold: the
        # sentence is the text between evidence_start and evidence_end (stored.event_body).
        "ALTER TABLE events ADD COLUMN evidence_end INTEGER",
        "DROP VIEW events_view",
        """CREATE VIEW events_view AS
           SELECT e.id, e.kind, e.status,
                  CASE WHEN e.start_day IS NULL OR e.start_day > 3652059 THEN NULL
                       ELSE date(e.start_day + 1721424.5) END AS date_start,
                  CASE WHEN e.end_day IS NULL OR e.end_day > 3652059 THEN NULL
                       ELSE date(e.end_day + 1721424.5) END AS date_end,
                  CASE WHEN e.start_day IS NULL THEN NULL ELSE
                       CASE e.precision_rank WHEN 0 THEN 'day' WHEN 1 THEN 'week' WHEN 2 THEN 'month'
                            WHEN 3 THEN 'season' WHEN 4 THEN 'quarter' WHEN 5 THEN 'half'
                            WHEN 6 THEN 'year' WHEN 7 THEN 'decade' WHEN 8 THEN 'century'
                            ELSE 'unknown' END END AS date_precision,
                  coalesce(json_extract(b.body, '$.summary'), json_extract(b.body, '$.text'),
                           substr(a.text, e.evidence_start + 1, e.evidence_end - e.evidence_start)) AS summary,
                  coalesce(json_extract(b.body, '$.text'),
                           substr(a.text, e.evidence_start + 1, e.evidence_end - e.evidence_start)) AS sentence,
                  json_extract(b.body, '$.amount.value') AS amount,
                  json_extract(b.body, '$.amount.currency') AS currency,
                  (SELECT group_concat(system_id, ', ') FROM event_systems s WHERE s.event_id = e.id) AS systems,
                  e.article_id, a.title AS article_title, a.source AS article_source, a.url AS article_url,
                  a.published AS article_published
           FROM events e JOIN event_bodies b ON b.event_id = e.id JOIN articles a ON a.id = e.article_id""",
    ],
    9: [
        # The timeline's merge kept as rows (merged.py): per scope ('' every event, else one
        # system), the entries in timeline order, valid while the store's generation (bumped
        # by every change to an event) is the one they were made at.
        "CREATE TABLE store_generation (id INTEGER PRIMARY KEY CHECK (id = 1), n INTEGER NOT NULL)",
        "INSERT INTO store_generation VALUES (1, 0)",
        """CREATE TRIGGER events_generation_insert AFTER INSERT ON events BEGIN
            UPDATE store_generation SET n = n + 1 WHERE id = 1;
        END""",
        """CREATE TRIGGER events_generation_delete AFTER DELETE ON events BEGIN
            UPDATE store_generation SET n = n + 1 WHERE id = 1;
        END""",
        """CREATE TRIGGER events_generation_update AFTER UPDATE ON events BEGIN
            UPDATE store_generation SET n = n + 1 WHERE id = 1;
        END""",
        # An actor's name read from the index alone (Store.actor_names): one lookup, not one
        # row read for each of the tens of thousands of articles that name a minister.
        "DROP INDEX article_actors_actor",
        "CREATE INDEX article_actors_actor ON article_actors(actor_id, name)",
        """CREATE TABLE merged_scopes (
            scope TEXT PRIMARY KEY,
            generation INTEGER NOT NULL,
            rules INTEGER NOT NULL
        ) WITHOUT ROWID""",
        """CREATE TABLE merged_entries (
            scope TEXT NOT NULL,
            pos INTEGER NOT NULL,  -- its place in the timeline's order
            kind TEXT NOT NULL,
            status TEXT NOT NULL,
            start_day INTEGER,  -- null: undated
            end_day INTEGER,
            precision_rank INTEGER NOT NULL,
            date_ref INTEGER NOT NULL,  -- the event whose date the entry shows
            members TEXT NOT NULL,  -- JSON: [[event id, index into whys], ...] in merge order
            whys TEXT NOT NULL,  -- JSON: why each joined (merge.encode_why)
            PRIMARY KEY (scope, pos)
        ) WITHOUT ROWID""",
    ],
    10: [
        # Kept merges made again from the earliest day a change touched, not whole
        # (merged.update): each scope keeps that day, every change to an event lowers it
        # (undated: 9,999,999, after every day), and each entry the days of its first and
        # last report. ``pos`` becomes the entry's order key (merged.order_key), so the
        # entries before the change keep theirs. Merges kept before are made again.
        "DELETE FROM merged_entries",
        "DELETE FROM merged_scopes",
        "ALTER TABLE merged_scopes ADD COLUMN dirty_from INTEGER",  # null: nothing changed since made
        "ALTER TABLE merged_entries ADD COLUMN first_day INTEGER",  # null: undated
        "ALTER TABLE merged_entries ADD COLUMN last_day INTEGER",
        """CREATE TRIGGER events_dirty_insert AFTER INSERT ON events BEGIN
            UPDATE merged_scopes SET dirty_from = min(coalesce(dirty_from, 9999999), coalesce(new.start_day, 9999999));
        END""",
        """CREATE TRIGGER events_dirty_delete AFTER DELETE ON events BEGIN
            UPDATE merged_scopes SET dirty_from = min(coalesce(dirty_from, 9999999), coalesce(old.start_day, 9999999));
        END""",
        """CREATE TRIGGER events_dirty_update AFTER UPDATE ON events BEGIN
            UPDATE merged_scopes SET dirty_from = min(coalesce(dirty_from, 9999999), coalesce(old.start_day, 9999999),
                                                       coalesce(new.start_day, 9999999));
        END""",
    ],
    11: [
        # What ``armstrack systems`` and ``armstrack actors`` sum, per article (articlefacts.py):
        # a system's mentions, its first and last dated mention (start and end as ordinals,
        # precision rank), the kinds of the events naming it and its dated mentions per
        # month; an actor's mentions and roles (JSON). The listings (and ``chart``) read
        # these instead of decoding every record.
        "ALTER TABLE article_systems ADD COLUMN mentions INTEGER",
        "ALTER TABLE article_systems ADD COLUMN first_start INTEGER",
        "ALTER TABLE article_systems ADD COLUMN first_end INTEGER",
        "ALTER TABLE article_systems ADD COLUMN first_rank INTEGER",
        "ALTER TABLE article_systems ADD COLUMN last_start INTEGER",
        "ALTER TABLE article_systems ADD COLUMN last_end INTEGER",
        "ALTER TABLE article_systems ADD COLUMN last_rank INTEGER",
        "ALTER TABLE article_systems ADD COLUMN kinds TEXT",  # "kind key ..." (articlefacts.KindKey)
        "ALTER TABLE article_systems ADD COLUMN months TEXT",  # dated mentions: "2024-06 3 ..."
        "ALTER TABLE article_actors ADD COLUMN mentions INTEGER",
        "ALTER TABLE article_actors ADD COLUMN roles TEXT",
        # How many amounts and quantities each article states (the ``articles`` listing
        # counts them without its record).
        "ALTER TABLE articles ADD COLUMN amounts INTEGER",
        # The full-text index follows the columns it indexes only: filling a derived column
        # (a fingerprint, a count, the record) no longer deletes and re-adds the article's
        # every word.
        "DROP TRIGGER articles_fts_update",
        """CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text, quotes_text ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, title, text, quotes_text)
            VALUES ('delete', old.rowid, old.title, old.text, old.quotes_text);
            INSERT INTO articles_fts(rowid, title, text, quotes_text)
            VALUES (new.rowid, new.title, new.text, new.quotes_text);
        END""",
        # An article's new events mark the store changed once, from the writer
        # (writes.index), not once per event row: the two row triggers took a fifth of the
        # writer's time. Deleted and changed events still mark it by trigger.
        "DROP TRIGGER events_generation_insert",
        "DROP TRIGGER events_dirty_insert",
        # A timeline of some kinds reads the kept merges; one narrowed further (by actor,
        # outlet, words) is found by those filters first. The (kind, start) index served
        # no query faster (measured at 100,000 articles) and cost 71 MB and a write per event.
        "DROP INDEX events_kind_start",
        # The ledger rows each article's money or events link (``armstrack packages``).
        """CREATE TABLE article_packages (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            package_id TEXT NOT NULL,
            PRIMARY KEY (article_id, package_id)
        ) WITHOUT ROWID""",
    ],
    12: [
        # Events stored once. An event's body was a row of its own (event_bodies) repeating
        # its systems and actors as JSON keys; now its row holds the date's source, its
        # systems and actors (JSON lists, null when none) and, in ``body``, only the rare
        # rest (eventbody.event_columns), null when there is none.
        "DROP VIEW events_view",
        "DROP TRIGGER events_generation_update",  # filling the new columns changes no event
        "DROP TRIGGER events_dirty_update",
        "ALTER TABLE events ADD COLUMN date_source TEXT",  # null: 'none'
        "ALTER TABLE events ADD COLUMN systems TEXT",
        "ALTER TABLE events ADD COLUMN actors TEXT",
        "ALTER TABLE events ADD COLUMN body TEXT",
        """UPDATE events SET (date_source, systems, actors, body) = (
            SELECT json_extract(b.body, '$.date_source'), json_extract(b.body, '$.systems'),
                   json_extract(b.body, '$.actors'),
                   nullif(json_remove(b.body, '$.date_source', '$.systems', '$.actors'), '{}')
            FROM event_bodies b WHERE b.event_id = events.id)""",
        "DROP TABLE event_bodies",
        """CREATE TRIGGER events_generation_update AFTER UPDATE ON events BEGIN
            UPDATE store_generation SET n = n + 1 WHERE id = 1;
        END""",
        """CREATE TRIGGER events_dirty_update AFTER UPDATE ON events BEGIN
            UPDATE merged_scopes SET dirty_from = min(coalesce(dirty_from, 9999999), coalesce(old.start_day, 9999999),
                                                       coalesce(new.start_day, 9999999));
        END""",
        # The per-system and per-actor event rows lose their foreign key to events, and with
        # it the index on event_id a cascading delete needs (200 MB at 100,000 articles): a
        # deleted event deletes them itself, by their whole keys, from its own columns.
        """CREATE TABLE event_systems_12 (
            system_id TEXT NOT NULL,
            start_day INTEGER NOT NULL,  -- undated: 9,999,999 (store.UNDATED_DAY)
            precision_rank INTEGER NOT NULL,
            published TEXT NOT NULL,  -- the article's; '~' when it has none
            article_id TEXT NOT NULL,
            event_id INTEGER NOT NULL,
            kind TEXT NOT NULL,
            end_day INTEGER,
            merge_keys TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'done',
            PRIMARY KEY (system_id, start_day, precision_rank, published, article_id, event_id)
        ) WITHOUT ROWID""",
        """INSERT INTO event_systems_12 SELECT system_id, start_day, precision_rank, published,
            article_id, event_id, kind, end_day, merge_keys, status FROM event_systems""",
        "DROP TABLE event_systems",
        "ALTER TABLE event_systems_12 RENAME TO event_systems",
        """CREATE TABLE event_actors_12 (
            actor_id TEXT NOT NULL,
            event_id INTEGER NOT NULL,
            PRIMARY KEY (actor_id, event_id)
        ) WITHOUT ROWID""",
        "INSERT INTO event_actors_12 SELECT actor_id, event_id FROM event_actors",
        "DROP TABLE event_actors",
        "ALTER TABLE event_actors_12 RENAME TO event_actors",
        """CREATE TRIGGER events_rows_delete AFTER DELETE ON events BEGIN
            DELETE FROM event_systems
            WHERE system_id IN (SELECT value FROM json_each(old.systems))
              AND start_day = coalesce(old.start_day, 9999999) AND precision_rank = old.precision_rank
              AND published = coalesce(old.published, '~') AND article_id = old.article_id
              AND event_id = old.id;
            DELETE FROM event_actors
            WHERE actor_id IN (SELECT value FROM json_each(old.actors)) AND event_id = old.id;
        END""",
        """CREATE VIEW events_view AS
           SELECT e.id, e.kind, e.status,
                  CASE WHEN e.start_day IS NULL OR e.start_day > 3652059 THEN NULL
                       ELSE date(e.start_day + 1721424.5) END AS date_start,
                  CASE WHEN e.end_day IS NULL OR e.end_day > 3652059 THEN NULL
                       ELSE date(e.end_day + 1721424.5) END AS date_end,
                  CASE WHEN e.start_day IS NULL THEN NULL ELSE
                       CASE e.precision_rank WHEN 0 THEN 'day' WHEN 1 THEN 'week' WHEN 2 THEN 'month'
                            WHEN 3 THEN 'season' WHEN 4 THEN 'quarter' WHEN 5 THEN 'half'
                            WHEN 6 THEN 'year' WHEN 7 THEN 'decade' WHEN 8 THEN 'century'
                            ELSE 'unknown' END END AS date_precision,
                  coalesce(json_extract(e.body, '$.summary'), json_extract(e.body, '$.text'),
                           substr(a.text, e.evidence_start + 1, e.evidence_end - e.evidence_start)) AS summary,
                  coalesce(json_extract(e.body, '$.text'),
                           substr(a.text, e.evidence_start + 1, e.evidence_end - e.evidence_start)) AS sentence,
                  json_extract(e.body, '$.amount.value') AS amount,
                  json_extract(e.body, '$.amount.currency') AS currency,
                  (SELECT group_concat(value, ', ')  -- in name order, as before: one facet per set
                   FROM (SELECT DISTINCT value FROM json_each(e.systems) ORDER BY value)) AS systems,
                  e.article_id, a.title AS article_title, a.source AS article_source, a.url AS article_url,
                  a.published AS article_published
           FROM events e JOIN articles a ON a.id = e.article_id""",
    ],
    13: [
        # A quote's text is kept only when it is not the article's text between its offsets
        # (an extracted quote always is): null otherwise, read back with substr, as the
        # events' sentences are. 4.3 MB of 9.2 MB at 10,000 generated articles.
        "DROP VIEW quotes_view",
        "DROP VIEW articles_view",  # names the table replaced below
        """CREATE TABLE quotes_13 (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            text TEXT,  -- null: the article's text from start to end
            speaker TEXT,
            speaker_id TEXT,
            speaker_description TEXT,
            partial INTEGER NOT NULL,
            PRIMARY KEY (article_id, start)
        ) WITHOUT ROWID""",
        """INSERT INTO quotes_13
           SELECT q.article_id, q.start, q."end",
                  CASE WHEN q.text = substr(a.text, q.start + 1, q."end" - q.start) THEN NULL ELSE q.text END,
                  q.speaker, q.speaker_id, q.speaker_description, q.partial
           FROM quotes q JOIN articles a ON a.id = q.article_id""",  # a stored article's: the key refuses others
        "DROP TABLE quotes",
        "ALTER TABLE quotes_13 RENAME TO quotes",
        f"CREATE VIEW articles_view AS{_ARTICLES_VIEW_7}",
        """CREATE VIEW quotes_view AS
           SELECT q.article_id, a.published, a.source, a.title,
                  coalesce(q.speaker, '(' || q.speaker_description || ')') AS speaker, q.speaker_id,
                  coalesce(q.text, substr(a.text, q.start + 1, q."end" - q.start)) AS quote,
                  q.partial, q.start, q."end"
           FROM quotes q JOIN articles a ON a.id = q.article_id""",
    ],
}
# The derived tables (systems, actors, events) and the compressed records were last
# redefined in this version: a store older than it is re-indexed from its records.
DERIVED_SINCE = 8
# The store's generation and its kept merges (merged.py) exist from this version.
MERGED_SINCE = 9
# Articles stored before this version are fingerprinted when it is applied.
FINGERPRINTS_SINCE = 4
# Articles stored before this version get their sources and sketches when it is applied.
SKETCHES_SINCE = 6
# Articles stored before this version get their systems' and actors' facts when it is applied.
FACTS_SINCE = 11
