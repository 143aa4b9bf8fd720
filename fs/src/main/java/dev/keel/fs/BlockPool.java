package dev.keel.fs;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Full blocks freed by truncation or deletion, kept for the next large write.
 *
 * <p>Why: a large file's blocks live long enough to be promoted out of the young generation, so a file that is
 * rewritten (truncated and written again, the common pattern of a log or a build output) would make the collector copy
 * every block it drops and allocate every block anew. Reusing freed blocks makes rewriting cost a memset, as Jimfs's
 * block cache does. The pool is bounded ({@value #MAX_BLOCKS} blocks, 64 MiB): past it, blocks go to the collector,
 * so an emptied file system does not hold its peak heap forever. Only full blocks are pooled; the small, exactly sized
 * last blocks of small files are not worth it.
 *
 * <p>Thread-safe: one monitor, held for a push or a pop.
 */
final class BlockPool {

    static final int MAX_BLOCKS = 1024;

    private final byte[][] free = new byte[MAX_BLOCKS][];
    private int count;

    /** A zeroed full block from the pool, or null if it is empty. */
    @Nullable
    byte[] take() {
        byte[] block;
        synchronized (this) {
            if (count == 0) {
                return null;
            }
            block = free[--count];
            free[count] = null;
        }
        Arrays.fill(block, (byte) 0);
        return block;
    }

    /** Offers a block no file uses any more; blocks that are not full-sized, or past the bound, are dropped. */
    void give(byte[] block) {
        if (block.length != RegularFile.BLOCK_SIZE) {
            return;
        }
        synchronized (this) {
            if (count < MAX_BLOCKS) {
                free[count++] = block;
            }
        }
    }
}
