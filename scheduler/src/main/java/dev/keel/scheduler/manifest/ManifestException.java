package dev.keel.scheduler.manifest;

/**
 * A manifest or configuration file that cannot be used, with a stable {@link Code} and a message naming the source,
 * the document and the field: {@code "nodes.yaml document 2 (Node n2): status.allocatable.cpu: '4x' is not a
 * quantity"}.
 */
public final class ManifestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What kind of problem it is. */
    public enum Code {
        /** Not YAML or JSON at all. */
        SYNTAX,
        /** A document of the wrong {@code apiVersion} or {@code kind}. */
        WRONG_KIND,
        /** A required field is absent. */
        MISSING_FIELD,
        /** A field has the wrong type or an impossible value. */
        INVALID_VALUE,
        /** A configuration field this scheduler does not know. */
        UNKNOWN_FIELD
    }

    private final Code code;

    public ManifestException(Code code, String message) {
        super(message);
        this.code = code;
    }

    public ManifestException(Code code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public Code code() {
        return code;
    }
}
