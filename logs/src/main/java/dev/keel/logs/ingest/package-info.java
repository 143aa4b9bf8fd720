/**
 * Ingestion: syslog (RFC 5424 and RFC 3164) over TCP (both RFC 6587 framings on one port) and UDP, and JSON lines.
 *
 * <p>Reading order: {@link dev.keel.logs.ingest.SyslogParser} (the mapping of syslog fields to an entry) with
 * {@code StructuredData} and {@code RecentStrings} (a connection's header strings, reused);
 * {@link dev.keel.logs.ingest.SyslogFramer} (TCP framing) and {@code SyslogBytesParser} (the common RFC 5424 message
 * read straight from the framer's buffer, everything else handed to {@code SyslogParser});
 * {@link dev.keel.logs.ingest.JsonLineParser}; {@link dev.keel.logs.ingest.SyslogTcpListener} and
 * {@link dev.keel.logs.ingest.SyslogUdpListener}; {@link dev.keel.logs.ingest.IngestErrors} (malformed input counted
 * and sampled); {@link dev.keel.logs.ingest.ParseException}.
 *
 * <p>Thread safety: parsers are stateless except {@code SyslogBytesParser}; it, a framer and a {@code RecentStrings}
 * are confined to their connection's
 * (or the UDP receiver's) thread; listeners and
 * {@code IngestErrors} are thread-safe.
 */
@NullMarked
package dev.keel.logs.ingest;

import org.jspecify.annotations.NullMarked;
