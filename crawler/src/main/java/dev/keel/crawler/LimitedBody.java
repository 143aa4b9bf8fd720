package dev.keel.crawler;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body read up to a byte limit: at the limit the subscription is cancelled (the client closes the
 * connection), so an endless or huge body costs at most {@code limit} bytes and never hangs the fetch. A limit of 0
 * reads nothing: for redirects and unwanted content types, whose bodies are not needed.
 *
 * <p>Not thread-safe, as the {@code Flow} contract allows: the HTTP client delivers signals serially.
 */
final class LimitedBody implements BodySubscriber<LimitedBody.Content> {

    /** What was read: the bytes, and whether the body went on past the limit. */
    record Content(byte[] bytes, boolean truncated) {}

    private final long limit;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CompletableFuture<Content> result = new CompletableFuture<>();
    private Flow.Subscription subscription = NO_SUBSCRIPTION;

    private static final Flow.Subscription NO_SUBSCRIPTION = new Flow.Subscription() {
        @Override
        public void request(long n) {}

        @Override
        public void cancel() {}
    };

    LimitedBody(long limit) {
        this.limit = limit;
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
            long room = limit - bytes.size();
            int take = (int) Math.min(room, buffer.remaining());
            byte[] chunk = new byte[take];
            buffer.get(chunk);
            bytes.write(chunk, 0, take);
            if (buffer.hasRemaining()) {
                subscription.cancel();
                result.complete(new Content(bytes.toByteArray(), true));
                return;
            }
        }
        subscription.request(1);
    }

    @Override
    public void onError(Throwable failure) {
        result.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
        result.complete(new Content(bytes.toByteArray(), false));
    }
}
