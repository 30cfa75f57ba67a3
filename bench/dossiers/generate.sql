-- Fills a MotCua PostgreSQL database (migrated and seeded: province, demo accounts, catalog) with :n dossiers over
-- the last two years, procedures drawn by their national usage weights, 30 % at the province (received by the
-- centre), 70 % at the communes; mostly returned, the last twenty days still in progress; one history row each.
-- psql -v n=10000000 -f bench/dossiers/generate.sql "$DB"
\set ON_ERROR_STOP on
SET synchronous_commit = off;

CREATE TEMP TABLE picks AS
SELECT (row_number() OVER ())::int AS n, p."Id" AS id, p."NationalCode" AS code, p."Name" AS name
FROM "Procedures" p
CROSS JOIN LATERAL generate_series(1, greatest(1, (p."Weight" * 20000.0 / (SELECT sum("Weight") FROM "Procedures"))::int))
WHERE p."Status" = 'Published';

CREATE TEMP TABLE ags AS
SELECT (row_number() OVER (ORDER BY "Identifier"))::int AS n, "Id" AS id, "Identifier" AS ident FROM "Agencies" WHERE "Level" = 'Commune';

SELECT (SELECT count(*) FROM picks) AS np, (SELECT count(*) FROM ags) AS na,
       (SELECT "Id" FROM "Agencies" WHERE "ParentId" IS NULL LIMIT 1) AS authority,
       (SELECT "Identifier" FROM "Agencies" WHERE "Kind" = 'OneStopCentre' LIMIT 1) AS centre_ident,
       (SELECT "Id" FROM "Agencies" WHERE "Kind" = 'OneStopCentre' LIMIT 1) AS centre
\gset

ALTER TABLE "Dossiers" SET (autovacuum_enabled = false);
INSERT INTO "Dossiers" ("Id", "Code", "ProcedureId", "ProcedureCode", "ProcedureName", "ProcedureVersion", "ReceivingAgencyId", "CompetentAgencyId",
  "Channel", "Status", "Outcome", "Applicant", "ApplicantName", "ApplicantNameFolded", "Delivery", "CreatedAt", "SubmittedAt", "ReceivedAt",
  "DueAt", "FinishedAt", "ReturnedAt", "PausedHours", "StepIndex", "StepKind", "StepName", "StepRole", "StepAgencyId", "StepStartedAt", "StepDueAt",
  "Revision", "FinishedTimeliness", "ResultValidUntil")
SELECT id, ident || '-' || to_char(received AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYMMDD') || '-' || lpad((g / 740 + 1)::text, 5, '0'),
  pid, pcode, left(pname, 2000), 1, receiving, competent, channel, status,
  CASE WHEN status IN (9, 10) THEN 0 END,
  '{"fullName":"Nguyễn Văn ' || (g % 997) || '"}', 'Nguyễn Văn ' || (g % 997), 'nguyen van ' || (g % 997), 0,
  received, received, CASE WHEN status NOT IN (1, 3) THEN received END,
  due, finished, CASE WHEN status = 10 THEN finished + interval '1 day' END, 0,
  CASE WHEN open THEN 1 ELSE 0 END, CASE WHEN open THEN 1 END, CASE WHEN open THEN 'Thụ lý, thẩm định hồ sơ' END,
  CASE WHEN open THEN 'Specialist' END, CASE WHEN open THEN competent END, CASE WHEN open THEN received END,
  CASE WHEN open THEN received + interval '5 days' END, 1,
  CASE WHEN status IN (9, 10) THEN CASE WHEN finished > due THEN 2 WHEN finished < due - interval '1 day' THEN 0 ELSE 1 END END,
  CASE WHEN status IN (9, 10) AND g % 5 = 0 THEN (finished + interval '5 years')::date END
FROM (
  SELECT g, gen_random_uuid() AS id, p.id AS pid, p.code AS pcode, p.name AS pname,
    CASE WHEN province THEN :'authority'::uuid ELSE a.id END AS competent,
    CASE WHEN province THEN :'centre'::uuid ELSE a.id END AS receiving,
    CASE WHEN province THEN :'centre_ident' ELSE a.ident END AS ident,
    CASE WHEN r2 < 55 THEN 2 WHEN r2 < 95 THEN 1 ELSE 3 END AS channel,
    received, received + interval '7 days' AS due,
    CASE WHEN recent AND r < 70 THEN 4 WHEN recent AND r < 80 THEN 2 WHEN recent AND r < 85 THEN 1
         WHEN r < 88 THEN 9 WHEN r < 91 THEN 3 WHEN r < 93 THEN 7 WHEN r < 94 THEN 8 ELSE 10 END AS status,
    received + ((2 + r % 8) * interval '1 day') AS finished,
    recent AND r < 80 AS open
  FROM (
    SELECT g, abs(hashint4(g)) % 100 AS r, abs(hashint4(g * 7 + 1)) % 100 AS r2, abs(hashint4(g * 13 + 5)) % 100 < 30 AS province,
      1 + abs(hashint4(g * 31 + 7)) % :np AS pn, 1 + abs(hashint4(g * 17 + 3)) % :na AS an,
      timestamptz '2024-12-31 01:00+00' + ((g % 740) * interval '1 day') + ((g % 480) * interval '1 minute') AS received,
      timestamptz '2024-12-31 01:00+00' + ((g % 740) * interval '1 day') > now() - interval '20 days' AS recent
    FROM generate_series(1, :n) g
  ) s
  JOIN picks p ON p.n = s.pn
  JOIN ags a ON a.n = s.an
) x
WHERE received < now();

INSERT INTO "DossierEvents" ("Id", "DossierId", "At", "ActorId", "ActorName", "Action", "FromStatus", "ToStatus", "StepIndex", "StepName")
SELECT gen_random_uuid(), "Id", "SubmittedAt", NULL, 'Cán bộ một cửa', 2, 1, "Status", 0, 'Tiếp nhận hồ sơ' FROM "Dossiers" WHERE "SubmittedAt" IS NOT NULL;
ALTER TABLE "Dossiers" SET (autovacuum_enabled = true);
VACUUM ANALYZE "Dossiers";
VACUUM ANALYZE "DossierEvents";
SELECT count(*) AS dossiers, count(*) FILTER (WHERE "StepRole" IS NOT NULL) AS at_a_step FROM "Dossiers";
\ir daycounts.sql
