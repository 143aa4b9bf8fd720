package dev.keel.scheduler.manifest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a YAML (multi-document, {@code ---}) or JSON text into documents, flattening {@code kind: List} (what
 * {@code kubectl get -o yaml} prints) and skipping empty documents. YAML is a superset of JSON, so one parser reads
 * both.
 */
final class Documents {

    private static final YAMLMapper YAML = new YAMLMapper();

    /** A document and its position ("nodes.yaml document 2"). */
    record Document(JsonNode node, String where) {}

    private Documents() {}

    static List<Document> split(String text, String source) {
        List<Document> documents = new ArrayList<>();
        int index = 0;
        try (MappingIterator<JsonNode> iterator = YAML.readerFor(JsonNode.class).readValues(text)) {
            while (iterator.hasNextValue()) {
                JsonNode node = iterator.nextValue();
                index++;
                if (node == null || node.isNull() || node.isMissingNode() || (node.isObject() && node.isEmpty())) {
                    continue;
                }
                String where = source + " document " + index;
                if (!node.isObject()) {
                    throw new ManifestException(
                            ManifestException.Code.INVALID_VALUE,
                            where + ": expected a mapping, got " + node.getNodeType());
                }
                if (node.path("kind").asText().equals("List")
                        && node.path("items").isArray()) {
                    JsonNode items = node.path("items");
                    for (int i = 0; i < items.size(); i++) {
                        documents.add(new Document(items.get(i), where + " items[" + i + "]"));
                    }
                } else {
                    documents.add(new Document(node, where));
                }
            }
        } catch (JsonProcessingException e) {
            throw new ManifestException(
                    ManifestException.Code.SYNTAX,
                    source + " document " + (index + 1) + ": not valid YAML or JSON: " + e.getOriginalMessage(),
                    e);
        } catch (IOException e) {
            throw new ManifestException(ManifestException.Code.SYNTAX, source + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            if (e instanceof ManifestException) {
                throw e;
            }
            throw new ManifestException(
                    ManifestException.Code.SYNTAX, source + " document " + (index + 1) + ": " + e.getMessage(), e);
        }
        return documents;
    }

    /** Checks {@code apiVersion} and {@code kind}; returns "where (Kind name)" for later messages. */
    static String expect(Document document, String apiVersion, String kind) {
        Field root = Field.root(document.node(), document.where());
        String actualKind = root.get("kind").text("");
        String actualVersion = root.get("apiVersion").text("");
        if (!actualKind.equals(kind) || !actualVersion.equals(apiVersion)) {
            throw new ManifestException(
                    ManifestException.Code.WRONG_KIND,
                    document.where() + ": expected apiVersion " + apiVersion + ", kind " + kind + "; got apiVersion '"
                            + actualVersion + "', kind '" + actualKind + "'");
        }
        String name = root.get("metadata").get("name").text("");
        return document.where() + " (" + kind + (name.isEmpty() ? "" : " " + name) + ")";
    }
}
