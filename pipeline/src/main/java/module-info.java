/** keel's lazy pipelines: the whole API is {@code dev.keel.pipeline}. */
module dev.keel.pipeline {
    requires static transitive org.jspecify;

    exports dev.keel.pipeline;
}
