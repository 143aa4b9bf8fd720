package dev.keel.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Closing what a source holds, with checked exceptions turned into the unchecked ones the JDK's streams use. */
final class Resources {

    private Resources() {}

    static void closeUnchecked(AutoCloseable resource) {
        try {
            resource.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PipelineException(
                    PipelineException.Code.INTERRUPTED, "interrupted while closing " + resource, null, -1, e);
        } catch (Exception e) {
            throw new IllegalStateException("closing " + resource + " failed: " + e, e);
        }
    }
}
