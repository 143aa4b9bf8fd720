package dev.keel.logs;

import java.util.Locale;

/**
 * How severe an entry is, least to most severe; the order is what {@code level >= WARN} compares.
 *
 * <p>Syslog severities map one to one (RFC 5424 section 6.2.1), and {@link #TRACE} is below syslog's debug:
 *
 * <pre>
 * syslog severity     level
 * 0 Emergency         EMERGENCY
 * 1 Alert             ALERT
 * 2 Critical          CRITICAL
 * 3 Error             ERROR
 * 4 Warning           WARN
 * 5 Notice            NOTICE
 * 6 Informational     INFO
 * 7 Debug             DEBUG
 * (none)              TRACE   (sent to syslog as 7, Debug)
 * </pre>
 *
 * <p>Immutable.
 */
public enum LogLevel {
    TRACE,
    DEBUG,
    INFO,
    NOTICE,
    WARN,
    ERROR,
    CRITICAL,
    ALERT,
    EMERGENCY;

    private static final LogLevel[] VALUES = values();

    /** The level of syslog severity {@code severity} (0 to 7), per the table above. */
    public static LogLevel fromSyslogSeverity(int severity) {
        if (severity < 0 || severity > 7) {
            throw new IllegalArgumentException("syslog severity (" + severity + ") must be between 0 and 7");
        }
        return VALUES[EMERGENCY.ordinal() - severity];
    }

    /** The syslog severity (0 to 7) this level is sent as. */
    public int syslogSeverity() {
        return this == TRACE ? 7 : EMERGENCY.ordinal() - ordinal();
    }

    /** The level at {@code ordinal()}, for decoders. */
    public static LogLevel ofOrdinal(int ordinal) {
        if (ordinal < 0 || ordinal >= VALUES.length) {
            throw new IllegalArgumentException(
                    "level ordinal (" + ordinal + ") must be between 0 and " + (VALUES.length - 1));
        }
        return VALUES[ordinal];
    }

    /**
     * Parses a level name, case-insensitively, with the usual aliases ({@code warning}, {@code err}, {@code crit},
     * {@code emerg}, {@code fatal}, {@code information}, {@code informational}).
     */
    public static LogLevel parse(String name) {
        LogLevel level = parseOrNull(name);
        if (level == null) {
            throw new IllegalArgumentException(
                    "level '" + name + "' is not a level (expected one of TRACE, DEBUG, INFO, "
                            + "NOTICE, WARN, ERROR, CRITICAL, ALERT, EMERGENCY or an alias such as warning, err, fatal)");
        }
        return level;
    }

    /** Like {@link #parse} but answers null for an unknown name. */
    static LogLevel parseOrNull(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "trace" -> TRACE;
            case "debug" -> DEBUG;
            case "info", "information", "informational" -> INFO;
            case "notice" -> NOTICE;
            case "warn", "warning" -> WARN;
            case "error", "err" -> ERROR;
            case "critical", "crit", "fatal" -> CRITICAL;
            case "alert" -> ALERT;
            case "emergency", "emerg", "panic" -> EMERGENCY;
            default -> null;
        };
    }
}
