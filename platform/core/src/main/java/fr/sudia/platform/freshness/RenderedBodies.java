package fr.sudia.platform.freshness;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.buffer.Buffer;

/**
 * Public bodies rendered once per key and then sent from memory: a key names what is rendered and the version of
 * the content it was rendered from (a {@link NotifiedVersion}), so a key is never stale, only unused. A body is
 * rendered on a worker thread (it may query the database) and the requests that need it while it renders wait for
 * that one rendering; a rendering that fails is forgotten, so the next request tries again. The least recently
 * used bodies are dropped past {@code maxEntries}: bounded memory whatever the queries.
 */
public final class RenderedBodies {

    private final Map<String, CompletableFuture<Buffer>> rendered;

    public RenderedBodies(int maxEntries) {
        this.rendered = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, CompletableFuture<Buffer>> eldest) {
                return size() > maxEntries;
            }
        });
    }

    /** The body of {@code key}: from memory when rendered, else rendered now by {@code render} on a worker thread. */
    public Uni<Buffer> get(String key, Supplier<byte[]> render) {
        CompletableFuture<Buffer> body = rendered.get(key);
        if (body != null && body.isDone() && !body.isCompletedExceptionally()) {
            return Uni.createFrom().item(body.join());
        }
        if (body == null) {
            body = rendered.computeIfAbsent(key, k -> CompletableFuture
                    .supplyAsync(() -> Buffer.buffer(render.get()), Infrastructure.getDefaultWorkerPool()));
        }
        CompletableFuture<Buffer> pending = body;
        return Uni.createFrom().completionStage(pending).onFailure().invoke(() -> rendered.remove(key, pending));
    }
}
