package cn.lantu.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.lantu.support.Http;
import cn.lantu.support.LantuTest;

/** Item E (等保 身份鉴别 / 会话管理): no sessions for anonymous reads, no collisions, idle sessions end. */
@LantuTest
class SessionsTest {

    @LocalServerPort int port;
    @Autowired UserService users;
    @Autowired JdbcClient jdbc;

    long sessionsCreatedSince(long millis) {
        return jdbc.sql("SELECT COUNT(*) FROM spring_session WHERE creation_time >= ?").param(millis)
                .query(Long.class).single();
    }

    @Test
    void anonymousReadsCreateNoSession() {
        long start = System.currentTimeMillis();
        for (int i = 0; i < 100; i++) {
            Http anonymous = Http.anonymous(port);
            HttpResponse<String> r = anonymous.page(i % 2 == 0 ? "/public/plans/zhuji-15th" : "/public/plans/zhuji-15th?lang=en");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("SESSION="));
        }
        for (String path : new String[] {"/", "/login", "/api/v1/plans", "/plans", "/api/v1/public/plans"}) {
            Http.anonymous(port).page(path);
            Http.anonymous(port).get(path);
        }
        assertThat(sessionsCreatedSince(start)).isZero();
    }

    @Test
    void twentyConcurrentRequestsOfAFreshSessionAllSucceed() throws Exception {
        Accounts.Account u = Accounts.create(users, Role.LEADER);
        for (int round = 0; round < 3; round++) {
            Http fresh = Http.login(port, u.name(), u.password()); // no page asked for yet
            ExecutorService pool = Executors.newFixedThreadPool(20);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String path = i % 2 == 0 ? "/plans" : "/account/tokens";
                answers.add(pool.submit(() -> {
                    go.await();
                    return fresh.page(path).statusCode();
                }));
            }
            go.countDown();
            List<Integer> codes = new ArrayList<>();
            for (Future<Integer> f : answers) {
                codes.add(f.get(120, TimeUnit.SECONDS));
            }
            pool.shutdown();
            assertThat(codes).as("round %d", round).containsOnly(200);
        }
    }

    @Test
    void idleSessionsTimeOutAfterThirtyMinutes() {
        Accounts.Account u = Accounts.create(users, Role.LEADER);
        Http browser = Http.session(port, u.name(), u.password());
        assertThat(jdbc.sql("SELECT max_inactive_interval FROM spring_session WHERE principal_name = ?")
                .param(u.name()).query(Integer.class).single()).isEqualTo(30 * 60);
        long idle = System.currentTimeMillis() - 31 * 60 * 1000L;
        jdbc.sql("UPDATE spring_session SET last_access_time = ?, expiry_time = ? WHERE principal_name = ?")
                .params(idle, idle + 30 * 60 * 1000L, u.name()).update();
        assertThat(Accounts.sentToLogin(browser.page("/plans"))).isTrue();
    }
}
