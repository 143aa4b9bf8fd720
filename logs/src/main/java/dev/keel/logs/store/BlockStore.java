package dev.keel.logs.store;

import java.io.IOException;
import java.util.List;

/**
 * Where sealed blocks rest: files in a directory, or byte arrays for an in-memory aggregator. Implementations are
 * thread-safe.
 */
interface BlockStore extends AutoCloseable {

    /** Every block present, for opening a store. */
    List<BlockMeta> list() throws IOException;

    /** Stores a block durably (for files: written, forced and renamed into place before this returns). */
    void write(BlockCodec.Encoded block) throws IOException;

    /** The block's bytes. */
    byte[] read(BlockMeta meta) throws IOException;

    /** Deletes a block (retention). */
    void delete(BlockMeta meta) throws IOException;

    @Override
    void close() throws IOException;
}
