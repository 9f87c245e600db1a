package cn.lantu.security;

import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * Ends the sessions of a user (Spring Session JDBC: the sessions are found by their principal name). Together with
 * the security stamp checked on every request ({@link AccountCheckFilter}) a session ended here cannot come back.
 */
@Component
public class UserSessions {

    private final ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions;

    public UserSessions(ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions) {
        this.sessions = sessions;
    }

    /** Deletes every session of the user but {@code keepSessionId} (may be null) and returns how many it deleted. */
    public int end(String username, String keepSessionId) {
        FindByIndexNameSessionRepository<? extends Session> repository = sessions.getIfAvailable();
        if (repository == null) {
            return 0;
        }
        Map<String, ? extends Session> found = repository.findByPrincipalName(username);
        int n = 0;
        for (String id : found.keySet()) {
            if (!id.equals(keepSessionId)) {
                repository.deleteById(id);
                n++;
            }
        }
        return n;
    }
}
