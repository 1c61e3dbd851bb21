package dev.parley.storage;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * DATETIME(6) columns hold UTC wall-clock time, whatever the JVM's or the server's time zone, so MySQL, MariaDB
 * and H2 read back exactly the instant that was written.
 */
public final class UtcColumns {

    private static final DateTimeFormatter WRITTEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    private UtcColumns() {
    }

    /** Now, at the microsecond precision DATETIME(6) keeps (so what is returned equals what is stored). */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * Bound as text: Connector/J takes MariaDB (which announces itself as "5.5.5-10.x") for a MySQL without
     * fractional seconds and would drop the microseconds of a bound date-time.
     */
    public static void set(PreparedStatement statement, int index, Instant instant) throws SQLException {
        statement.setString(index, instant == null ? null
                : WRITTEN.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC)));
    }

    public static Instant get(ResultSet row, String column) throws SQLException {
        LocalDateTime value = row.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }

    /**
     * Whether a failure was a deadlock or a lock wait timeout (SQL state 40001, MySQL errors 1213 and 1205): the
     * database rolled the transaction back, and running it again is the remedy.
     */
    public static boolean isTransientConflict(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && ("40001".equals(sql.getSQLState()) || sql.getErrorCode() == 1213
                    || sql.getErrorCode() == 1205)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a failure was a UNIQUE (or other integrity) constraint violation, at any depth of causes. */
    public static boolean isConstraintViolation(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLIntegrityConstraintViolationException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                return true;
            }
        }
        return false;
    }
}
