/**
 * keel's embedded SQL engine: the API in {@code dev.keel.sql}, the JDBC driver as a {@link java.sql.Driver} service;
 * parser, planner, executor and storage inside.
 */
module dev.keel.sql {
    requires transitive java.sql;
    requires dev.keel.storage;
    requires static transitive org.jspecify;

    exports dev.keel.sql;

    provides java.sql.Driver with
            dev.keel.sql.jdbc.KeelDriver;
}
