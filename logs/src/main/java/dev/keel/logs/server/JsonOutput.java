package dev.keel.logs.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keel.logs.LogEntry;
import dev.keel.logs.LogsStats;
import dev.keel.logs.MetricResult;
import dev.keel.logs.ingest.IngestErrors;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The HTTP API's JSON: entries as {@code {"timestamp", "level", "source", "labels", "message", ...fields}} (fields
 * whose names collide with those go under {@code "fields"}), timestamps as RFC 3339 with nanoseconds plus
 * {@code "ts"}, the epoch nanoseconds. Stateless.
 */
final class JsonOutput {

    static final ObjectMapper MAPPER = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> RESERVED =
            Set.of("timestamp", "ts", "level", "source", "labels", "message", "fields");

    private JsonOutput() {}

    static ObjectNode entry(LogEntry entry) {
        ObjectNode node = NODES.objectNode();
        node.put("timestamp", DateTimeFormatter.ISO_INSTANT.format(entry.timestamp()));
        node.put("ts", String.valueOf(entry.epochNanos()));
        node.put("level", entry.level().name());
        node.put("source", entry.source());
        ObjectNode labels = node.putObject("labels");
        entry.labels().forEach(labels::put);
        node.put("message", entry.message());
        ObjectNode clashing = null;
        for (Map.Entry<String, String> field : entry.fields().entrySet()) {
            if (RESERVED.contains(field.getKey())) {
                if (clashing == null) {
                    clashing = NODES.objectNode();
                }
                clashing.put(field.getKey(), field.getValue());
            } else {
                node.put(field.getKey(), field.getValue());
            }
        }
        if (clashing != null) {
            node.set("fields", clashing);
        }
        return node;
    }

    static ObjectNode entries(List<LogEntry> entries, long elapsedNanos) {
        ObjectNode root = NODES.objectNode();
        ArrayNode array = root.putArray("entries");
        entries.forEach(entry -> array.add(entry(entry)));
        ObjectNode stats = root.putObject("stats");
        stats.put("returned", entries.size());
        stats.put("elapsedMicros", elapsedNanos / 1000);
        return root;
    }

    static ObjectNode metric(MetricResult result, long elapsedNanos) {
        ObjectNode root = NODES.objectNode();
        switch (result) {
            case MetricResult.TimeSeries series -> {
                root.put("resultType", "matrix");
                root.put("start", DateTimeFormatter.ISO_INSTANT.format(series.start()));
                root.put("stepSeconds", series.step().toNanos() / 1e9);
                ArrayNode values = root.putArray("values");
                for (int i = 0; i < series.counts().size(); i++) {
                    ArrayNode point = values.addArray();
                    point.add(DateTimeFormatter.ISO_INSTANT.format(
                            series.start().plus(series.step().multipliedBy(i))));
                    point.add(series.counts().get(i));
                }
                root.put("total", series.total());
            }
            case MetricResult.Counts counts -> {
                root.put("resultType", "counts");
                root.put("by", counts.key());
                ArrayNode rows = root.putArray("rows");
                for (MetricResult.Count count : counts.rows()) {
                    rows.addObject().put("value", count.value()).put("count", count.count());
                }
            }
        }
        root.putObject("stats").put("elapsedMicros", elapsedNanos / 1000);
        return root;
    }

    static ObjectNode stats(LogsStats stats, IngestErrors errors, Map<String, Long> listeners) {
        ObjectNode root = NODES.objectNode();
        ObjectNode store = root.putObject("store");
        store.put("streams", stats.streams());
        store.put("entries", stats.entries());
        store.put("blocks", stats.blocks());
        store.put("sealedEntries", stats.sealedEntries());
        store.put("openEntries", stats.openEntries());
        store.put("storedBytes", stats.storedBytes());
        store.put("rawBytes", stats.rawBytes());
        store.put("compressionRatio", Math.round(stats.compressionRatio() * 100) / 100.0);
        store.put("walBytes", stats.walBytes());
        store.put("ingested", stats.ingested());
        store.put("rejectedOutOfOrder", stats.rejected());
        store.put("deletedBlocks", stats.deletedBlocks());
        ObjectNode listenerNode = root.putObject("listeners");
        listeners.forEach(listenerNode::put);
        ObjectNode malformed = root.putObject("malformed");
        malformed.put("count", errors.malformed());
        ArrayNode samples = malformed.putArray("samples");
        for (IngestErrors.Sample sample : errors.samples()) {
            samples.addObject()
                    .put("listener", sample.listener())
                    .put("reason", sample.reason())
                    .put("line", sample.line());
        }
        return root;
    }

    static ObjectNode error(String code, String message) {
        ObjectNode root = NODES.objectNode();
        root.put("error", code);
        root.put("message", message);
        return root;
    }
}
