-- Synthetic 100,000-article corpus for timing the admin content list's SQL at 100,000 articles in seconds
-- instead of a 6-minute import. Rows only (no JSON bodies), so public pages do not render from it.
-- Use: start the site once on an empty data folder with the empty recipe so the schema exists, stop it, then
--   sqlite3 <DataPath>/newsroom.db < tests/Newsroom.Benchmarks/Synthetic/admin-list-100k.sql
-- and time list queries with sqlite3 `.timer on` or start the site on that folder and request /admin/content.
PRAGMA journal_mode=WAL;
BEGIN;
CREATE TEMP TABLE n(i INTEGER PRIMARY KEY);
WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM c WHERE i < 100000) INSERT INTO n SELECT i FROM c;
-- 200 published bylines
INSERT INTO ContentItems (ContentItemId, ContentItemVersionId, ContentType, Number, Latest, Published, Deleted, DisplayText, Owner, Author, CreatedUtc, ModifiedUtc, PublishedUtc, ConcurrencyStamp, Data)
SELECT printf('byline%026d', i), printf('bylinev%025d', i), 'Byline', 1, 1, 1, 0, 'Byline ' || i, 'admin', 'admin', '2024-01-01 00:00:00', '2024-01-01 00:00:00', '2024-01-01 00:00:00', 'stamp', '{}' FROM n WHERE i <= 200;
INSERT INTO BylineIndex (ContentItemId, Slug, Name) SELECT printf('byline%026d', i), 'byline-' || i, 'Byline ' || i FROM n WHERE i <= 200;
-- Articles: i % 20 = 0 draft only (5%); i % 20 = 1 published with a pending draft (5%); the rest published (90%).
-- Published (or first published) version.
INSERT INTO ContentItems (ContentItemId, ContentItemVersionId, ContentType, Number, Latest, Published, Deleted, DisplayText, Owner, Author, CreatedUtc, ModifiedUtc, PublishedUtc, ConcurrencyStamp, Data)
SELECT printf('art%029d', i), printf('artv1%027d', i), 'Article', 1,
       CASE WHEN i % 20 IN (0, 1) THEN 0 ELSE 1 END,
       CASE WHEN i % 20 = 0 THEN 0 ELSE 1 END, 0,
       'Article headline number ' || i || ' about ceasefire talks', 'user' || (i % 50), 'user' || (i % 50),
       strftime('%Y-%m-%d %H:%M:%S', '2024-06-01', '+' || (i * 6) || ' minutes'),
       strftime('%Y-%m-%d %H:%M:%S', '2024-06-01', '+' || (i * 6) || ' minutes'),
       CASE WHEN i % 20 = 0 THEN NULL ELSE strftime('%Y-%m-%d %H:%M:%S', '2024-06-01', '+' || (i * 6) || ' minutes') END,
       'stamp', '{"ArticlePart":{"Headline":"x","Body":"' || hex(randomblob(1500)) || '"}}'
FROM n WHERE i % 20 <> 0;
-- Draft-only articles (latest, never published)
INSERT INTO ContentItems (ContentItemId, ContentItemVersionId, ContentType, Number, Latest, Published, Deleted, DisplayText, Owner, Author, CreatedUtc, ModifiedUtc, PublishedUtc, ConcurrencyStamp, Data)
SELECT printf('art%029d', i), printf('artv1%027d', i), 'Article', 1, 1, 0, 0,
       'Article headline number ' || i || ' draft', 'user' || (i % 50), 'user' || (i % 50),
       strftime('%Y-%m-%d %H:%M:%S', '2024-06-01', '+' || (i * 6) || ' minutes'),
       strftime('%Y-%m-%d %H:%M:%S', '2024-06-01', '+' || (i * 6) || ' minutes'), NULL,
       'stamp', '{"ArticlePart":{"Headline":"x","Body":"' || hex(randomblob(1500)) || '"}}'
FROM n WHERE i % 20 = 0;
-- Pending drafts of published articles (latest version 2)
INSERT INTO ContentItems (ContentItemId, ContentItemVersionId, ContentType, Number, Latest, Published, Deleted, DisplayText, Owner, Author, CreatedUtc, ModifiedUtc, PublishedUtc, ConcurrencyStamp, Data)
SELECT printf('art%029d', i), printf('artv2%027d', i), 'Article', 2, 1, 0, 0,
       'Article headline number ' || i || ' revised', 'user' || (i % 50), 'user' || (i % 50),
       strftime('%Y-%m-%d %H:%M:%S', '2024-06-01', '+' || (i * 6) || ' minutes'),
       strftime('%Y-%m-%d %H:%M:%S', '2024-06-01', '+' || (i * 6 + 3) || ' minutes'), NULL,
       'stamp', '{"ArticlePart":{"Headline":"x","Body":"' || hex(randomblob(1500)) || '"}}'
FROM n WHERE i % 20 = 1;
-- Workflow: published ones Published; drafts: 1,000 in review, 500 scheduled, 300 unpublished, rest draft.
INSERT INTO WorkflowIndex (ContentItemId, Status, Owner, DisplayText, ScheduledPublishUtc, ScheduledUnpublishUtc, ModifiedUtc)
SELECT printf('art%029d', i),
       CASE WHEN i % 20 = 0 AND i % 100 = 0 THEN 'InReview'
            WHEN i % 20 = 0 AND i % 100 = 20 AND i <= 50000 THEN 'Scheduled'
            WHEN i % 20 = 0 AND i % 100 = 40 AND i <= 30000 THEN 'Unpublished'
            WHEN i % 20 = 0 THEN 'Draft' ELSE 'Published' END,
       'user' || (i % 50), 'Article ' || i,
       CASE WHEN i % 20 = 0 AND i % 100 = 20 AND i <= 50000 THEN strftime('%Y-%m-%d %H:%M:%S', '2026-12-01', '+' || i || ' minutes') END,
       NULL,
       strftime('%Y-%m-%d %H:%M:%S', '2024-06-01', '+' || (i * 6) || ' minutes')
FROM n;
-- Published articles in ArticleIndex (5 sections) with 1-2 bylines
INSERT INTO ArticleIndex (ContentItemId, ContentItemVersionId, Slug, Section, Headline, Dek, LeadImageSrc, PublishedUtc, UpdatedUtc)
SELECT printf('art%029d', i), printf('artv1%027d', i), 'article-' || i,
       CASE i % 5 WHEN 0 THEN 'world' WHEN 1 THEN 'politics' WHEN 2 THEN 'business' WHEN 3 THEN 'sport' ELSE 'culture' END,
       'Article ' || i, 'Dek', NULL,
       strftime('%Y-%m-%d %H:%M:%S', '2024-06-01', '+' || (i * 6) || ' minutes'), strftime('%Y-%m-%d %H:%M:%S', '2024-06-01', '+' || (i * 6) || ' minutes')
FROM n WHERE i % 20 <> 0;
INSERT INTO ArticleBylineIndex (ArticleId, BylineId, Position, PublishedUtc)
SELECT printf('art%029d', i), printf('byline%026d', 1 + i % 200), 0, strftime('%Y-%m-%d %H:%M:%S', '2024-06-01', '+' || (i * 6) || ' minutes') FROM n WHERE i % 20 <> 0;
INSERT INTO ArticleBylineIndex (ArticleId, BylineId, Position, PublishedUtc)
SELECT printf('art%029d', i), printf('byline%026d', 1 + (i * 7) % 200), 1, strftime('%Y-%m-%d %H:%M:%S', '2024-06-01', '+' || (i * 6) || ' minutes') FROM n WHERE i % 20 <> 0 AND i % 3 = 0 AND (i * 7) % 200 <> i % 200;
-- Latest-version rows the section and byline filters read.
INSERT OR IGNORE INTO ArticleLatestIndex (ContentItemId, Section)
SELECT printf('art%029d', i), CASE i % 5 WHEN 0 THEN 'world' WHEN 1 THEN 'politics' WHEN 2 THEN 'business' WHEN 3 THEN 'sport' ELSE 'culture' END FROM n;
INSERT OR IGNORE INTO ArticleLatestBylineIndex (ArticleId, BylineId) SELECT printf('art%029d', i), printf('byline%026d', 1 + i % 200) FROM n;
COMMIT;
-- No ANALYZE: a site's database has no planner statistics either.
