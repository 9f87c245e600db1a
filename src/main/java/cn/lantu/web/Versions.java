package cn.lantu.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * Optimistic locking of writes: an update names the version it was based on. A write without one is refused (400),
 * so that no client overwrites someone else's change unseen; a stale version is the caller's 409.
 */
public final class Versions {

    private Versions() {}

    /** The version of a write, or 400 with a message in Chinese when it is missing. */
    public static int require(Integer version) {
        if (version == null) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "缺少版本号（version）：请先读取最新数据，带上其中的 version 再修改，以免覆盖他人的修改");
        }
        return version;
    }

    /** The version typed into a form (a hidden field), or null when it is missing or not a number. */
    public static Integer parse(String version) {
        return version != null && version.strip().matches("\\d{1,9}") ? Integer.valueOf(version.strip()) : null;
    }
}
