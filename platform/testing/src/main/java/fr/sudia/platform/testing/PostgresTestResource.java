package fr.sudia.platform.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Creates a fresh, empty database on the local PostgreSQL server for a {@code @QuarkusTest} run (Flyway
 * migrates it at start), and drops it afterwards. The server, role and password come from
 * {@code SUDIA_TEST_PG_HOST}, {@code SUDIA_TEST_PG_PORT}, {@code SUDIA_TEST_PG_USER} and
 * {@code SUDIA_TEST_PG_PASSWORD}; the role needs CREATEDB ({@code deploy/local/stack test} sets it up).
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private final String host = setting("SUDIA_TEST_PG_HOST", "127.0.0.1");
    private final String port = setting("SUDIA_TEST_PG_PORT", "5432");
    private final String user = setting("SUDIA_TEST_PG_USER", "sudia");
    private final String password = setting("SUDIA_TEST_PG_PASSWORD", "sudia");
    private String database;

    @Override
    public Map<String, String> start() {
        database = "sudia_test_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        execute("create database " + database);
        return Map.of(
                "quarkus.datasource.jdbc.url", jdbcUrl(database),
                "quarkus.datasource.username", user,
                "quarkus.datasource.password", password);
    }

    @Override
    public void stop() {
        if (database != null) {
            execute("drop database if exists " + database + " with (force)");
        }
    }

    private void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), user, password);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + host + ":" + port + " as " + user
                    + " could not run '" + sql + "' (is the server up and does the role have CREATEDB? "
                    + "deploy/local/stack test prepares both)", e);
        }
    }

    private String jdbcUrl(String db) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + db;
    }

    private static String setting(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
