/** keel's embedded SQL engine: the API in {@code dev.keel.sql}; parser, planner, executor and storage inside. */
module dev.keel.sql {
    requires static transitive org.jspecify;

    exports dev.keel.sql;
}
