package org.cusax.provisioning.directory;

import java.nio.file.Path;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;

/**
 * The directory's database: a connection pool on a JDBC URL (embedded H2 by default, PostgreSQL in
 * production) whose schema Flyway brings to the current version ({@code db/migration}) when opened.
 */
public final class DirectoryDatabase implements AutoCloseable {
    private final HikariDataSource pool;

    private DirectoryDatabase(HikariDataSource pool) {
        this.pool = pool;
    }

    /** The default: an H2 file in {@code dir} that other processes may open too (H2 auto-server). */
    public static String defaultUrl(Path dir) {
        return "jdbc:h2:file:" + dir.toAbsolutePath().resolve("directory") + ";AUTO_SERVER=TRUE";
    }

    /**
     * Opens the pool and migrates the schema.
     *
     * @param user     database user (empty for H2's default)
     * @param password database password (empty if none); never logged
     */
    public static DirectoryDatabase open(String jdbcUrl, String user, String password) {
        if (jdbcUrl == null || !(jdbcUrl.startsWith("jdbc:h2:") || jdbcUrl.startsWith("jdbc:postgresql:"))) {
            throw new DirectoryException("directory database URL must be jdbc:h2:… or jdbc:postgresql:…, got "
                    + (jdbcUrl == null ? "nothing" : "'" + jdbcUrl.replaceAll("password=[^&;]*", "password=***") + "'"));
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        if (user != null && !user.isEmpty()) {
            config.setUsername(user);
        }
        if (password != null && !password.isEmpty()) {
            config.setPassword(password);
        }
        config.setMaximumPoolSize(8);
        config.setPoolName("cusax-directory");
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (HikariPool.PoolInitializationException e) {
            throw new DirectoryException("cannot connect to the directory database: " + rootMessage(e), e);
        }
        try {
            Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
        } catch (FlywayException e) {
            pool.close();
            throw new DirectoryException("cannot migrate the directory schema: " + rootMessage(e), e);
        }
        return new DirectoryDatabase(pool);
    }

    public DataSource dataSource() {
        return pool;
    }

    @Override
    public void close() {
        pool.close();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
