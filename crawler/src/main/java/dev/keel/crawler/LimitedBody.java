package dev.keel.crawler;

import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body read up to a byte limit: at the limit the subscription is cancelled (the client closes the
 * connection), so an endless or huge body costs at most {@code limit} bytes and never hangs the fetch. A limit of 0
 * reads nothing: for redirects and unwanted content types, whose bodies are not needed.
 *
 * <p>The bytes go straight from the client's buffers into one array, sized from the {@code Content-Length} when the
 * server sent one (never above the limit) and grown by doubling otherwise; a body that fills it exactly is handed
 * over without a final copy. (A {@code ByteArrayOutputStream} fed through a chunk array copied every byte three
 * times: a tenth of a one-host crawl's allocation.)
 *
 * <p>Not thread-safe, as the {@code Flow} contract allows: the HTTP client delivers signals serially.
 */
final class LimitedBody implements BodySubscriber<LimitedBody.Content> {

    /** What was read: the bytes, and whether the body went on past the limit. */
    record Content(byte[] bytes, boolean truncated) {}

    private static final int DEFAULT_CAPACITY = 8192;

    private final long limit;
    private byte[] bytes;
    private int size;
    private final CompletableFuture<Content> result = new CompletableFuture<>();
    private Flow.Subscription subscription = NO_SUBSCRIPTION;

    private static final Flow.Subscription NO_SUBSCRIPTION = new Flow.Subscription() {
        @Override
        public void request(long n) {}

        @Override
        public void cancel() {}
    };

    LimitedBody(long limit) {
        this(limit, -1);
    }

    /** {@code expectedLength}: the response's {@code Content-Length}, or -1; only a hint for the first array. */
    LimitedBody(long limit, long expectedLength) {
        this.limit = limit;
        long capacity = expectedLength >= 0 ? expectedLength : DEFAULT_CAPACITY;
        this.bytes = new byte[(int) Math.min(Math.min(capacity, limit), Integer.MAX_VALUE - 8)];
    }

    @Override
    public CompletionStage<Content> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        if (limit == 0) {
            subscription.cancel();
            result.complete(new Content(new byte[0], false));
        } else {
            subscription.request(1);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer buffer : buffers) {
            int take = (int) Math.min(limit - size, buffer.remaining());
            ensureRoom(take);
            buffer.get(bytes, size, take);
            size += take;
            if (buffer.hasRemaining()) {
                subscription.cancel();
                result.complete(new Content(content(), true));
                return;
            }
        }
        subscription.request(1);
    }

    private void ensureRoom(int more) {
        if (bytes.length - size < more) {
            long wanted = Math.max((long) size + more, Math.max(2L * bytes.length, DEFAULT_CAPACITY));
            bytes = Arrays.copyOf(bytes, (int) Math.min(Math.min(wanted, limit), Integer.MAX_VALUE - 8));
        }
    }

    private byte[] content() {
        return size == bytes.length ? bytes : Arrays.copyOf(bytes, size);
    }

    @Override
    public void onError(Throwable failure) {
        result.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
        result.complete(new Content(content(), false));
    }
}
