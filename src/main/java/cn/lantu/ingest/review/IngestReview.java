package cn.lantu.ingest.review;

import java.time.Instant;

/** An uploaded outline under review; {@code state} OPEN or LOADED (then {@code planCode} is set). */
public record IngestReview(long id, String fileName, String fileType, long fileSize, String title, String state,
                           String planCode, String createdBy, Instant createdAt, Instant loadedAt) {
    public boolean loaded() {
        return "LOADED".equals(state);
    }
}
