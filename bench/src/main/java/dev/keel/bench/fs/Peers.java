package dev.keel.bench.fs;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import dev.keel.fs.FsConfig;
import dev.keel.fs.KeelFs;
import java.nio.file.FileSystem;

/** The file systems compared: keel-fs and Jimfs, both Unix-configured, each new and empty. */
final class Peers {

    private Peers() {}

    static FileSystem create(String name) {
        return switch (name) {
            case "keel" -> KeelFs.newFileSystem(FsConfig.unix());
            case "jimfs" -> Jimfs.newFileSystem(Configuration.unix());
            default -> throw new IllegalArgumentException("fs (" + name + ") must be keel or jimfs");
        };
    }
}
