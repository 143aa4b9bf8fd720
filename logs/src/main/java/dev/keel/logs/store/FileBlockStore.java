package dev.keel.logs.store;

import dev.keel.logs.LogsException;
import dev.keel.storage.DurableFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Blocks as files, one per block, named by zero-padded id so that {@code ls} lists them in seal order. A block is
 * written crash-safely (temporary file, force, atomic rename, force the directory: keel-storage's
 * {@link DurableFiles}), so after a crash a block file is whole or absent; leftover temporary files are deleted on
 * open. Thread-safe: files are immutable once renamed into place.
 */
final class FileBlockStore implements BlockStore {

    private static final String SUFFIX = ".block";

    private final Path directory;

    FileBlockStore(Path directory) throws IOException {
        this.directory = Files.createDirectories(directory);
    }

    @Override
    public List<BlockMeta> list() throws IOException {
        List<BlockMeta> metas = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (name.startsWith(".") && name.endsWith(".tmp")) {
                    Files.deleteIfExists(file); // a block whose write a crash interrupted: never acknowledged
                } else if (name.endsWith(SUFFIX)) {
                    metas.add(readMeta(file));
                }
            }
        }
        return metas;
    }

    private static BlockMeta readMeta(Path file) throws IOException {
        long length = Files.size(file);
        try (InputStream in = Files.newInputStream(file)) {
            byte[] preamble = in.readNBytes(BlockCodec.PREAMBLE);
            if (preamble.length < BlockCodec.PREAMBLE) {
                throw new LogsException(
                        LogsException.Code.CORRUPT, file + ": " + length + " bytes is too short for a block");
            }
            int headerLength = ((preamble[4] & 0xFF) << 24)
                    | ((preamble[5] & 0xFF) << 16)
                    | ((preamble[6] & 0xFF) << 8)
                    | (preamble[7] & 0xFF);
            if (headerLength < 0 || headerLength > BlockCodec.MAX_HEADER || headerLength > length) {
                throw new LogsException(
                        LogsException.Code.CORRUPT,
                        file + ": header length " + headerLength + " (expected: at most "
                                + Math.min(length, BlockCodec.MAX_HEADER) + ")");
            }
            byte[] prefix = new byte[BlockCodec.PREAMBLE + headerLength];
            System.arraycopy(preamble, 0, prefix, 0, BlockCodec.PREAMBLE);
            int read = in.readNBytes(prefix, BlockCodec.PREAMBLE, headerLength);
            if (read < headerLength) {
                throw new LogsException(LogsException.Code.CORRUPT, file + ": truncated header");
            }
            BlockMeta meta = BlockCodec.decodeMeta(prefix, length, file.toString());
            if (!meta.fileName().equals(file.getFileName().toString())) {
                throw new LogsException(
                        LogsException.Code.CORRUPT,
                        file + ": holds block " + meta.id() + " (expected: " + meta.fileName() + ")");
            }
            return meta;
        }
    }

    @Override
    public void write(BlockCodec.Encoded block) throws IOException {
        DurableFiles.replace(directory.resolve(block.meta().fileName()), block.bytes());
    }

    @Override
    public byte[] read(BlockMeta meta) throws IOException {
        return Files.readAllBytes(directory.resolve(meta.fileName()));
    }

    @Override
    public void delete(BlockMeta meta) throws IOException {
        try {
            Files.delete(directory.resolve(meta.fileName()));
        } catch (NoSuchFileException e) {
            // already gone: retention is idempotent
        }
    }

    @Override
    public void close() {
        // Nothing held open: every read opens and closes its file.
    }
}
