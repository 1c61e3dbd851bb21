package dev.parley.handoff;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.DatabaseMetaData;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lock clause "take next" reads the queue with. {@code FOR UPDATE SKIP LOCKED} (MySQL 8, MariaDB 10.6+) lets
 * concurrent agents pass over the rows others are claiming instead of queueing behind them. Other servers get plain
 * {@code FOR UPDATE}: still one owner per conversation, but claims wait for each other. H2 (the embedded default) is
 * one of them although it parses SKIP LOCKED: it applies LIMIT before skipping, so a claim whose best row is locked
 * would find nothing at all, while plain FOR UPDATE waits and then re-reads the next waiting row (checked on 2.3.232).
 */
@Singleton
class LockingRead {

    private static final Logger LOG = LoggerFactory.getLogger(LockingRead.class);
    private static final Pattern MARIADB = Pattern.compile("(\\d+)\\.(\\d+)\\.\\d+-MariaDB", Pattern.CASE_INSENSITIVE);
    private static final Pattern LEADING = Pattern.compile("^(\\d+)\\.(\\d+)");

    private final JdbcOperations jdbc;
    private volatile String clause;

    LockingRead(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** " FOR UPDATE SKIP LOCKED" or " FOR UPDATE", decided once from the server's name and version. */
    String skippingLocked() {
        String known = clause;
        if (known == null) {
            known = jdbc.execute(connection -> clauseFor(connection.getMetaData()));
            clause = known;
            LOG.info("Hand-off queue claims read with{}", known);
        }
        return known;
    }

    static String clauseFor(DatabaseMetaData metadata) throws java.sql.SQLException {
        return supportsSkipLocked(metadata.getDatabaseProductName(), metadata.getDatabaseProductVersion())
                ? " FOR UPDATE SKIP LOCKED" : " FOR UPDATE";
    }

    static boolean supportsSkipLocked(String product, String version) {
        // Connector/J names MariaDB "MySQL" with a version such as 5.5.5-10.11.6-MariaDB
        Matcher mariadb = MARIADB.matcher(version);
        if (mariadb.find()) {
            return atLeast(mariadb, 10, 6);
        }
        Matcher leading = LEADING.matcher(version);
        if (!leading.find()) {
            return false;
        }
        String name = product.toLowerCase(Locale.ROOT);
        if (name.contains("mariadb")) {
            return atLeast(leading, 10, 6);
        }
        return name.contains("mysql") && atLeast(leading, 8, 0);
    }

    private static boolean atLeast(Matcher version, int major, int minor) {
        int actualMajor = Integer.parseInt(version.group(1));
        return actualMajor > major || (actualMajor == major && Integer.parseInt(version.group(2)) >= minor);
    }
}
