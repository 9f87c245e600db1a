package cn.lantu.security;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.server.ResponseStatusException;


/** The signed-in user as the task and project workflows see it: name, role and department. */
public record Actor(String username, Role role, Long orgUnitId) {

    /** The current user, or 401 when nobody is signed in. */
    public static Actor current(UserRepository users) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth.getName() == null) {
            throw new ResponseStatusException(HttpStatus.UNAUTHORIZED);
        }
        AppUser u = users.findByUsername(auth.getName())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED));
        return new Actor(u.username(), u.role(), u.orgUnitId());
    }

    public boolean admin() {
        return role == Role.ADMIN;
    }

    /** A reporter or approver of the given department (or the plan office). */
    public boolean mayReportFor(Long deptId) {
        return admin() || (deptId != null && deptId.equals(orgUnitId)
                && (role == Role.REPORTER || role == Role.APPROVER));
    }

    /** The department's approver (or the plan office). */
    public boolean maySignOffFor(Long deptId) {
        return admin() || (deptId != null && deptId.equals(orgUnitId) && role == Role.APPROVER);
    }

    public static ResponseStatusException forbidden(String why) {
        return new ResponseStatusException(HttpStatus.FORBIDDEN, why);
    }

    public static ResponseStatusException conflict(String why) {
        return new ResponseStatusException(HttpStatus.CONFLICT, why);
    }

    public static ResponseStatusException bad(String why) {
        return new ResponseStatusException(HttpStatus.BAD_REQUEST, why);
    }
}
