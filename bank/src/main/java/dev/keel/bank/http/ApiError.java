package dev.keel.bank.http;

import java.io.Serial;

/**
 * A client's mistake or a refused request, on its way to becoming {@code {"error":{"code","message"}}} with a 4xx
 * status. Thrown inside the API only; never escapes the server.
 */
final class ApiError extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;

    ApiError(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    static ApiError badRequest(String code, String message) {
        return new ApiError(400, code, message);
    }

    static ApiError notFound(String code, String message) {
        return new ApiError(404, code, message);
    }
}
