package dev.keel.fs;

import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileLock;

/** An advisory lock on a region of a keel file, held by the channel that took it. Thread-safe. */
final class KeelFileLock extends FileLock {

    private final FileLockTable table;
    private final KeelFileChannel owner;

    KeelFileLock(KeelFileChannel channel, long position, long size, boolean shared, FileLockTable table) {
        super(channel, position, size, shared);
        this.table = table;
        this.owner = channel;
    }

    /** The channel that holds this lock. */
    KeelFileChannel owner() {
        return owner;
    }

    @Override
    public boolean isValid() {
        return owner.isOpen() && table.holds(this);
    }

    @Override
    public void release() throws ClosedChannelException {
        if (!owner.isOpen()) {
            throw new ClosedChannelException();
        }
        table.release(this);
    }
}
