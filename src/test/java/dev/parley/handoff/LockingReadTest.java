package dev.parley.handoff;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which servers get FOR UPDATE SKIP LOCKED, from the names and versions their JDBC drivers report. */
class LockingReadTest {

    @Test
    void skipLockedWhereTheServerHasIt() {
        assertTrue(LockingRead.supportsSkipLocked("MySQL", "5.5.5-10.11.6-MariaDB-0+deb12u1"),
                "Connector/J reports MariaDB 10.11 as MySQL 5.5.5-10.11");
        assertTrue(LockingRead.supportsSkipLocked("MariaDB", "10.6.16-MariaDB"));
        assertFalse(LockingRead.supportsSkipLocked("MySQL", "5.5.5-10.5.23-MariaDB"), "MariaDB 10.5 has none");
        assertTrue(LockingRead.supportsSkipLocked("MySQL", "8.0.36"));
        assertFalse(LockingRead.supportsSkipLocked("MySQL", "5.7.44"));
        assertFalse(LockingRead.supportsSkipLocked("H2", "2.3.232 (2024-08-11)"),
                "H2 limits before it skips: a locked best row would hide the rest");
    }
}
