package dev.keel.bench.fs;

import dev.keel.bench.SettledHeap;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;

/**
 * Heap for small files: the retained heap of a file system holding 100,000 files of 1 KiB (in 100 directories),
 * keel-fs against Jimfs (Unix configuration), measured as used heap after {@code System.gc()} (repeated until it
 * settles) before and after filling, the file system kept reachable. The content is 100,000 KiB of it; the rest is
 * the tree, the names and each file's overhead.
 *
 * <p>Run: {@code ./keel bench run dev.keel.bench.fs.SmallFileHeapHarness}; results in
 * {@code bench/results/fs-vs-jimfs.md}.
 */
public final class SmallFileHeapHarness {

    private static final int FILES = 100_000;
    private static final int DIRECTORIES = 100;

    private SmallFileHeapHarness() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        System.out.printf("%-8s %16s %16s%n", "fs", "heap bytes", "bytes per file");
        long keel = measure("keel");
        long jimfs = measure("jimfs");
        System.out.printf("keel / jimfs heap: %.3f%n", keel / (double) jimfs);
    }

    private static long measure(String name) throws IOException, InterruptedException {
        long before = SettledHeap.bytes();
        FileSystem fs = Peers.create(name);
        byte[] content = new byte[1024];
        for (int d = 0; d < DIRECTORIES; d++) {
            Files.createDirectories(fs.getPath("/small/d" + d));
        }
        for (int i = 0; i < FILES; i++) {
            Files.write(fs.getPath("/small/d" + (i % DIRECTORIES) + "/file" + i + ".bin"), content);
        }
        long bytes = SettledHeap.bytes() - before;
        System.out.printf("%-8s %,16d %,16.1f%n", name, bytes, bytes / (double) FILES);
        if (Files.size(fs.getPath("/small/d0/file0.bin")) != 1024) {
            throw new IllegalStateException("the file system lost a file");
        }
        fs.close();
        return bytes;
    }
}
