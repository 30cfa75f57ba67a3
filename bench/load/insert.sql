-- pgbench: the raw cost of writing what an online submission writes for the dossier itself, its row and its history
-- row, in one transaction, with no application in between. The ceiling that submissions/s is compared with.
-- pgbench -n -f insert.sql -D proc=<procedure id> -D agency=<agency id> …
WITH d AS (
  INSERT INTO "Dossiers" ("Id", "Code", "ProcedureId", "ProcedureCode", "ProcedureName", "ProcedureVersion", "ReceivingAgencyId", "CompetentAgencyId",
    "Channel", "Status", "Applicant", "ApplicantName", "ApplicantNameFolded", "Delivery", "CreatedAt", "SubmittedAt", "PausedHours", "StepIndex", "Revision",
    "IdempotencyKey")
  VALUES (gen_random_uuid(), 'PGB-' || substr(md5(random()::text), 1, 16), :proc, '1.001456', 'Thủ tục đo trần', 1, :agency, :agency,
    1, 1, '{"fullName":"Nguyễn Thị Lan","idNumber":"001190012345","phone":"0912345678"}', 'Nguyễn Thị Lan', 'nguyen thi lan', 2, now(), now(), 0, 0, 1,
    'pgb-' || md5(random()::text))
  RETURNING "Id")
INSERT INTO "DossierEvents" ("Id", "DossierId", "At", "ActorId", "ActorName", "Action", "FromStatus", "ToStatus", "StepIndex", "StepName")
SELECT gen_random_uuid(), "Id", now(), NULL, 'Nguyễn Thị Lan', 1, 0, 1, 0, 'Nộp hồ sơ' FROM d;
