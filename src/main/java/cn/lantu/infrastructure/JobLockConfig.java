package cn.lantu.infrastructure;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.jdbc.lock.DefaultLockRepository;
import org.springframework.integration.jdbc.lock.JdbcLockRegistry;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Several instances on one database: scheduled jobs take a lock from Spring Integration's JDBC lock registry
 * (table INT_LOCK, created by V6__scale.sql), so each job runs on one instance at a time.
 */
@Configuration
@EnableScheduling
public class JobLockConfig {

    @Bean
    DefaultLockRepository lantuLockRepository(DataSource dataSource,
                                              @Value("${lantu.scale.lock-ttl-ms:600000}") int ttl) {
        DefaultLockRepository repository = new DefaultLockRepository(dataSource);
        repository.setRegion("lantu");
        repository.setTimeToLive(ttl);
        return repository;
    }

    @Bean
    JdbcLockRegistry lantuLockRegistry(DefaultLockRepository lantuLockRepository) {
        return new JdbcLockRegistry(lantuLockRepository);
    }
}
