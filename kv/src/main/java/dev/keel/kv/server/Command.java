package dev.keel.kv.server;

/**
 * A request the parser understood: a record per command, grouped by the part of the server that runs it. A record's
 * compact constructor checks what the parser guarantees (sizes, ranges), so a command that exists is well formed.
 * Immutable, except that byte arrays are shared with the request they were parsed from and are never modified.
 */
sealed interface Command permits StringCommand, KeyspaceCommand, ListCommand, ServerCommand {}
