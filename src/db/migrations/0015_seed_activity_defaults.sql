-- Default Activity Types and Statuses for accounts that existed before activities (new accounts get
-- the same rows from seedDefaultActivitySettings in src/modules/activities/defaults.ts).
INSERT INTO "activity_types" ("account_id", "id", "name", "category", "sort_order")
SELECT a."id", gen_random_uuid(), d."name", d."category", d."sort_order"
FROM "accounts" a
CROSS JOIN (VALUES ('Call', NULL, 0), ('Task', NULL, 1), ('Email', NULL, 2), ('Appointment', 'appointment', 3))
  AS d("name", "category", "sort_order")
WHERE NOT EXISTS (SELECT 1 FROM "activity_types" t WHERE t."account_id" = a."id")
ON CONFLICT DO NOTHING;--> statement-breakpoint
INSERT INTO "activity_statuses" ("account_id", "id", "name", "is_closed", "is_cancelled", "sort_order")
SELECT a."id", gen_random_uuid(), d."name", d."is_closed", d."is_cancelled", d."sort_order"
FROM "accounts" a
CROSS JOIN (VALUES ('Scheduled', false, false, 0), ('Completed', true, false, 1), ('Cancelled', true, true, 2),
  ('No Show', true, false, 3)) AS d("name", "is_closed", "is_cancelled", "sort_order")
WHERE NOT EXISTS (SELECT 1 FROM "activity_statuses" s WHERE s."account_id" = a."id")
ON CONFLICT DO NOTHING;
