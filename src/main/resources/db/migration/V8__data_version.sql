-- Freshness of stored results (issue 9): plan.data_version is raised by every change that can alter a plan's
-- assessment or cockpit (cn.lantu.plan.PlanChanges); stored results remember the version they were computed at.
ALTER TABLE plan ADD COLUMN data_version BIGINT NOT NULL DEFAULT 0;

-- One row per plan and year that has stored results in assessment_result, with the data version they reflect
-- and the cockpit computed from the same assessment (JSON), so the cockpit is read, not recomputed.
CREATE TABLE assessment_run (
    plan_id      BIGINT    NOT NULL REFERENCES plan(id),
    report_year  INTEGER   NOT NULL,
    data_version BIGINT    NOT NULL,
    computed_at  TIMESTAMP NOT NULL,
    PRIMARY KEY (plan_id, report_year)
);

CREATE TABLE cockpit_snapshot (
    plan_id      BIGINT    NOT NULL REFERENCES plan(id),
    report_year  INTEGER   NOT NULL,
    as_of        DATE      NOT NULL,
    data_version BIGINT    NOT NULL,
    computed_at  TIMESTAMP NOT NULL,
    body         TEXT      NOT NULL,
    PRIMARY KEY (plan_id, report_year)
);
