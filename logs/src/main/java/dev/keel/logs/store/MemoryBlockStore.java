package dev.keel.logs.store;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/** Blocks as compressed byte arrays on the heap: the in-memory aggregator's store. Thread-safe. */
final class MemoryBlockStore implements BlockStore {

    private final ConcurrentHashMap<Long, byte[]> blocks = new ConcurrentHashMap<>();

    @Override
    public List<BlockMeta> list() {
        return List.of();
    }

    @Override
    public void write(BlockCodec.Encoded block) {
        blocks.put(block.meta().id(), block.bytes());
    }

    @Override
    public byte[] read(BlockMeta meta) throws IOException {
        byte[] bytes = blocks.get(meta.id());
        if (bytes == null) {
            throw new IOException("block " + meta.id() + " was deleted");
        }
        return bytes;
    }

    @Override
    public void delete(BlockMeta meta) {
        blocks.remove(meta.id());
    }

    @Override
    public void close() {
        blocks.clear();
    }
}
