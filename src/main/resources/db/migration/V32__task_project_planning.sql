-- Task and project planning in the pages (issue 16, items 6 and 7).
-- How often a task's lead unit reports progress: MONTHLY (M01..M12), QUARTERLY (Q1..Q4) or ANNUAL (Y).
ALTER TABLE task ADD COLUMN report_frequency VARCHAR(12) DEFAULT 'QUARTERLY' NOT NULL;
-- A blocking factor (要素保障) names the unit that must act and the date by which it must be resolved.
ALTER TABLE project_blocker ADD COLUMN act_unit_id BIGINT REFERENCES org_unit(id);
ALTER TABLE project_blocker ADD COLUMN due_on DATE;
