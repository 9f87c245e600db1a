-- Freshness of stored results (issue 9): a plan's data version is raised by every change that can alter its
-- assessment or cockpit (cn.lantu.plan.PlanChanges); stored results remember the version they were computed at.
-- The counter lives in its own narrow table, not on the plan row: the plan row carries the outline text (~50 KB),
-- and an UPDATE per change would copy it every time (H2 also into its undo log).
CREATE TABLE plan_data_version (
    plan_id      BIGINT NOT NULL PRIMARY KEY REFERENCES plan(id),
    data_version BIGINT NOT NULL DEFAULT 0
);
INSERT INTO plan_data_version (plan_id, data_version) SELECT id, 0 FROM plan;

-- One row per plan and year that has stored results in assessment_result, with the data version they reflect.
CREATE TABLE assessment_run (
    plan_id      BIGINT    NOT NULL REFERENCES plan(id),
    report_year  INTEGER   NOT NULL,
    data_version BIGINT    NOT NULL,
    computed_at  TIMESTAMP NOT NULL,
    PRIMARY KEY (plan_id, report_year)
);

-- The cockpit computed from the same assessment (JSON), so the cockpit is read, not recomputed.
CREATE TABLE cockpit_snapshot (
    plan_id      BIGINT    NOT NULL REFERENCES plan(id),
    report_year  INTEGER   NOT NULL,
    as_of        DATE      NOT NULL,
    data_version BIGINT    NOT NULL,
    computed_at  TIMESTAMP NOT NULL,
    body         TEXT      NOT NULL,
    PRIMARY KEY (plan_id, report_year)
);
