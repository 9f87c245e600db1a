package cn.lantu.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application in demo mode ({@code lantu.demo=true}: synthetic 演示数据 figures for 2026–2028) on a
 * random port with its own in-memory H2 database. Test classes sharing this annotation share one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "lantu.demo=true",
        "lantu.data-dir=target/test-data-demo",
        "spring.datasource.url=jdbc:h2:mem:lantu-demo;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"})
@ActiveProfiles("test")
public @interface LantuDemoTest {}
