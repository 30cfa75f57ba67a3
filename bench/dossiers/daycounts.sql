-- Day counts of generated dossiers (the application keeps them itself for dossiers it handles): one row per local
-- day, competent and receiving agency and metric, from the same columns the history rows set.
\set ON_ERROR_STOP on
DELETE FROM "DossierDayCounts";
INSERT INTO "DossierDayCounts" ("Day", "CompetentAgencyId", "ReceivingAgencyId", "Metric", "Count")
SELECT day, c, r, m, count(*)::int FROM (
  SELECT ("ReceivedAt" AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS day, "CompetentAgencyId" AS c, "ReceivingAgencyId" AS r,
    CASE "Channel" WHEN 2 THEN 2 WHEN 3 THEN 3 ELSE 1 END AS m FROM "Dossiers" WHERE "ReceivedAt" IS NOT NULL
  UNION ALL
  SELECT ("FinishedAt" AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, "CompetentAgencyId", "ReceivingAgencyId", 4 + "FinishedTimeliness" FROM "Dossiers" WHERE "FinishedTimeliness" IS NOT NULL
  UNION ALL
  SELECT ("FinishedAt" AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, "CompetentAgencyId", "ReceivingAgencyId", 7 FROM "Dossiers" WHERE "FinishedTimeliness" IS NOT NULL AND "Outcome" = 1
  UNION ALL
  SELECT ("FinishedAt" AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, "CompetentAgencyId", "ReceivingAgencyId", CASE "Status" WHEN 3 THEN 8 WHEN 7 THEN 9 ELSE 10 END
  FROM "Dossiers" WHERE "Status" IN (3, 7, 8) AND "FinishedAt" IS NOT NULL
  UNION ALL
  SELECT ("ReturnedAt" AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, "CompetentAgencyId", "ReceivingAgencyId", 11 FROM "Dossiers" WHERE "ReturnedAt" IS NOT NULL
) e GROUP BY day, c, r, m;
ANALYZE "DossierDayCounts";
SELECT count(*) AS day_counts FROM "DossierDayCounts";

-- The code counters must know the numbers the generator used, or today's receptions would reuse them.
INSERT INTO "DossierCodeCounters" ("AgencyId", "Day", "LastNumber")
SELECT "ReceivingAgencyId", ("SubmittedAt" AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, max(split_part("Code", '-', 3)::int)
FROM "Dossiers" WHERE "Code" IS NOT NULL AND "SubmittedAt" IS NOT NULL GROUP BY 1, 2
ON CONFLICT ("AgencyId", "Day") DO UPDATE SET "LastNumber" = greatest("DossierCodeCounters"."LastNumber", excluded."LastNumber");
