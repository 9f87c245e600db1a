-- The indicator table of a review as the plan office corrected it (issue 18): the grid's rows as JSON, with a
-- version for optimistic locking. Once a review has a grid, loading takes the table from it.
CREATE TABLE ingest_review_grid (
    review_id  BIGINT       NOT NULL PRIMARY KEY REFERENCES ingest_review(id),
    rows_json  TEXT         NOT NULL,
    version    INT          NOT NULL,
    updated_by VARCHAR(100) NOT NULL,
    updated_at TIMESTAMP    NOT NULL
);
