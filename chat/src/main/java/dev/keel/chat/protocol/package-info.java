/**
 * The IRC wire protocol, shared by keel's server and client: nothing here knows about connections or channels.
 *
 * <p>Reading order: {@link dev.keel.chat.protocol.IrcMessage} (one message, with the wire grammar and the
 * serializer), {@link dev.keel.chat.protocol.IrcParser} (a line into a message, or why not), {@code Tags} (IRCv3 tag
 * escaping), {@link dev.keel.chat.protocol.LineSplitter} (bytes pushed in, as an event loop reads them, into lines of
 * at most 512 bytes, CR/LF/CRLF, UTF-8 with a Latin-1 fallback), {@link dev.keel.chat.protocol.LineReader} (the same
 * over a blocking stream, for clients), {@link dev.keel.chat.protocol.Casemapping} (RFC 1459 name comparison) and
 * {@link dev.keel.chat.protocol.Numeric} (the reply codes).
 *
 * <p>References: RFC 1459 section 2.3 and RFC 2812 section 2.3 (the message format), the Modern IRC client protocol
 * document (https://modern.ircdocs.horse), IRCv3 message tags (https://ircv3.net/specs/extensions/message-tags).
 *
 * <p>Thread safety: messages are immutable; the parser and casemapping are stateless; a {@code LineSplitter} or
 * {@code LineReader} is confined to its connection's thread.
 */
@NullMarked
package dev.keel.chat.protocol;

import org.jspecify.annotations.NullMarked;
