-- 2,000,000 dossier ratings of one province-year (2025) for the report benchmark (issue 6), drawn from the generated
-- dossiers (bench/dossiers/generate.sql), levels spread as the seeds report (most satisfied), one handling officer each.
-- Idempotent: ratings made by an earlier run are removed first.
\set ON_ERROR_STOP on
DELETE FROM "RatedOfficers" WHERE "RatingId" IN (SELECT "Id" FROM "SatisfactionRatings" WHERE "Comment" = 'bench');
DELETE FROM "SatisfactionRatings" WHERE "Comment" = 'bench';
CREATE TEMP TABLE staff AS SELECT row_number() OVER (ORDER BY "Id") - 1 AS n, "Id" FROM "AspNetUsers" WHERE "Kind" = 'Staff';
INSERT INTO "SatisfactionRatings" ("Id", "DossierId", "DossierCode", "ProcedureCode", "ReceivingAgencyId", "CompetentAgencyId", "Level", "RatedAt", "Comment")
SELECT gen_random_uuid(), d."Id", d."Code", d."ProcedureCode", d."ReceivingAgencyId", d."CompetentAgencyId",
       CASE WHEN r < 0.62 THEN 5 WHEN r < 0.90 THEN 4 WHEN r < 0.97 THEN 3 WHEN r < 0.99 THEN 2 ELSE 1 END,
       d."SubmittedAt" + interval '5 days', 'bench'
FROM (SELECT "Id", "Code", "ProcedureCode", "ReceivingAgencyId", "CompetentAgencyId", "SubmittedAt", random() AS r
      FROM "Dossiers" d
      WHERE "SubmittedAt" >= '2025-01-01' AND "SubmittedAt" < '2025-12-26' AND "Code" IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM "SatisfactionRatings" s WHERE s."DossierId" = d."Id")
      LIMIT 2000000) d;
INSERT INTO "RatedOfficers" ("Id", "RatingId", "UserId", "Level", "RatedAt", "ReceivingAgencyId", "CompetentAgencyId")
SELECT gen_random_uuid(), s."Id", staff."Id", s."Level", s."RatedAt", s."ReceivingAgencyId", s."CompetentAgencyId"
FROM "SatisfactionRatings" s JOIN staff ON staff.n = (abs(hashtext(s."Id"::text)) % (SELECT count(*) FROM staff))
WHERE s."Comment" = 'bench';
ANALYZE "SatisfactionRatings"; ANALYZE "RatedOfficers";
SELECT count(*) AS ratings FROM "SatisfactionRatings" WHERE "Comment" = 'bench';
