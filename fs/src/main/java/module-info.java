/** keel's in-memory file system: a {@code java.nio.file} provider for the {@code keelfs} scheme, and its facade. */
module dev.keel.fs {
    requires dev.keel.storage;
    requires static transitive org.jspecify;

    exports dev.keel.fs;

    provides java.nio.file.spi.FileSystemProvider with
            dev.keel.fs.KeelFileSystemProvider;
}
