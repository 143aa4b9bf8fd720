/** The clock seam every keel system takes its elapsed time and its waiting from. */
module dev.keel.time {
    requires static transitive org.jspecify;

    exports dev.keel.time;
}
