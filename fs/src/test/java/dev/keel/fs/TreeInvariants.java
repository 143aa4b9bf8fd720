package dev.keel.fs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.FileSystem;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Walks a keel file system's tree under its write lock and checks what must always hold: every directory is reached
 * once (no cycles), knows its parent and its name, counts its subdirectories right; every node's link count is the
 * number of entries naming it; the store's used space is the sum of the reachable files' blocks (when no unlinked file
 * is still open).
 */
final class TreeInvariants {

    private TreeInvariants() {}

    static void check(FileSystem fileSystem) {
        FileTree tree = ((KeelFileSystem) fileSystem).tree();
        tree.lock().writeLock().lock();
        try {
            Map<Node, Integer> references = new IdentityHashMap<>();
            Map<Directory, Boolean> seen = new IdentityHashMap<>();
            Directory root = tree.root();
            assertThat(root.parent()).isSameAs(root);
            walk(root, references, seen);
            long allocated = 0;
            for (Map.Entry<Node, Integer> entry : references.entrySet()) {
                Node node = entry.getKey();
                assertThat(node.links).as("links of node %s", node.id()).isEqualTo(entry.getValue());
                if (node instanceof RegularFile file) {
                    allocated += file.allocatedBytes();
                }
            }
            assertThat(tree.space().used()).as("space used").isEqualTo(allocated);
        } finally {
            tree.lock().writeLock().unlock();
        }
    }

    private static void walk(Directory directory, Map<Node, Integer> references, Map<Directory, Boolean> seen) {
        assertThat(seen.put(directory, true))
                .as("directory %s reached twice", directory.name())
                .isNull();
        int subdirectories = 0;
        for (Map.Entry<String, Node> entry : directory.entries().entrySet()) {
            Node child = entry.getValue();
            references.merge(child, 1, Integer::sum);
            if (child instanceof Directory sub) {
                subdirectories++;
                assertThat(sub.parent()).as("parent of %s", entry.getKey()).isSameAs(directory);
                assertThat(sub.name()).isEqualTo(entry.getKey());
                walk(sub, references, seen);
            }
        }
        assertThat(directory.subdirectoryCount()).isEqualTo(subdirectories);
    }
}
