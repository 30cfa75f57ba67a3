-- Citizens for the submission benchmark: copies of the demo citizen "congdan" (same password) named bench1…bench200,
-- so that submissions come from many owners as a province's do, not all from one account. Idempotent.
\set ON_ERROR_STOP on
INSERT INTO "AspNetUsers"
SELECT (jsonb_populate_record(NULL::"AspNetUsers", to_jsonb(u) || jsonb_build_object(
    'Id', gen_random_uuid(), 'UserName', 'bench' || n, 'NormalizedUserName', 'BENCH' || n,
    'Email', 'bench' || n || '@demo.motcua.local', 'NormalizedEmail', 'BENCH' || n || '@DEMO.MOTCUA.LOCAL',
    'PersonalIdNumber', lpad((900000000000 + n)::text, 12, '0'), 'ConcurrencyStamp', gen_random_uuid()::text,
    'SecurityStamp', upper(replace(gen_random_uuid()::text, '-', ''))))).*
FROM "AspNetUsers" u CROSS JOIN generate_series(1, 200) n
WHERE u."UserName" = 'congdan'
  AND NOT EXISTS (SELECT 1 FROM "AspNetUsers" x WHERE x."NormalizedUserName" = 'BENCH' || n);
