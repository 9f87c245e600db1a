package cn.lantu.security;

import java.sql.DatabaseMetaData;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

/**
 * Spring Session JDBC writes a session attribute that is new to the request's copy of the session with an INSERT.
 * Two concurrent requests of one session that both add the same attribute (it was the CSRF token, the first time a
 * fresh session rendered a page) then collide on SPRING_SESSION_ATTRIBUTES_PK and one of them fails with 500. The
 * CSRF token is now kept in a cookie; in addition the attribute is written as an upsert (PostgreSQL
 * {@code ON CONFLICT … DO UPDATE}, H2 {@code MERGE … KEY}), so no attribute can collide.
 */
@Configuration
class SessionStoreConfig {

    static final String H2_UPSERT = """
            MERGE INTO %TABLE_NAME%_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES)
            KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME) VALUES (?, ?, ?)
            """;

    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sessionAttributeUpsert(DataSource dataSource)
            throws MetaDataAccessException {
        String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
        return repository -> {
            if (product != null && product.toLowerCase().contains("postgres")) {
                new PostgreSqlJdbcIndexedSessionRepositoryCustomizer().customize(repository);
            } else if (product != null && product.toLowerCase().contains("h2")) {
                repository.setCreateSessionAttributeQuery(H2_UPSERT);
            }
        };
    }
}
