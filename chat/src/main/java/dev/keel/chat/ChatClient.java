package dev.keel.chat;

import dev.keel.chat.protocol.Casemapping;
import dev.keel.chat.protocol.IrcMessage;
import dev.keel.chat.protocol.IrcParser;
import dev.keel.chat.protocol.LineReader;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * A small IRC client over a real socket: it works against {@link ChatServer} and against any IRC server.
 *
 * <p>How it is designed, and why: a virtual thread reads every line the server sends, answers PINGs, and appends the
 * line to a bounded log (the last {@value #KEPT_LINES}); callers wait on that log for the reply they need. Commands
 * that change state wait for the server's answer, so a method returning means the server has done it:
 * {@link #join} returns once the server has answered (the end of NAMES) or throws for the refusal, and {@link #sendMessage} and
 * {@link #getMessages()} end with a PING round trip. Since the server handles one client's commands in order and
 * each client's outgoing queue is FIFO, that round trip makes the seed example deterministic: when Alice's
 * {@code sendMessage} returns the server has queued her message for Bob, and when Bob's {@code getMessages()} has seen
 * the answer to his own PING, everything queued for him before it has arrived.
 *
 * <p>Thread-safe: any thread may send and wait.
 */
public final class ChatClient implements AutoCloseable {

    /** How long a command waits for the server's answer by default. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    static final int KEPT_LINES = ReceivedLog.KEPT;

    private static final Set<String> JOIN_ERRORS = Set.of("403", "405", "471", "473", "474", "475", "461", "451");

    private final Socket socket;
    private final OutputStream out;
    private final AtomicLong tokens = new AtomicLong();
    private final Thread reader;
    private final Duration timeout;
    private final ReceivedLog log = new ReceivedLog();

    private volatile String nick;
    private volatile Consumer<String> listener = line -> {};

    private ChatClient(Socket socket, String nick, Duration timeout) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.nick = nick;
        this.timeout = timeout;
        this.reader = Thread.ofVirtual().name("keel-chat-client-" + nick).unstarted(this::readLoop);
    }

    /** Connects to {@code server} and registers as {@code nick}. */
    public static ChatClient connect(String nick, ChatServer server) throws IOException {
        return connect(nick, server.address(), server.config().password());
    }

    /**
     * Connects to the IRC server at {@code address} and registers as {@code nick}, sending {@code password} first if it
     * is not null.
     *
     * @throws ChatException if the server refuses the nick or the password, or does not welcome the client in time
     */
    public static ChatClient connect(String nick, InetSocketAddress address, @Nullable String password)
            throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(address, (int) DEFAULT_TIMEOUT.toMillis());
            ChatClient client = new ChatClient(socket, nick, DEFAULT_TIMEOUT);
            client.reader.start();
            client.register(password);
            return client;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    private void register(@Nullable String password) throws IOException {
        long mark = mark();
        if (password != null) {
            sendRaw("PASS " + password);
        }
        sendRaw("NICK " + nick);
        sendRaw("USER " + nick.toLowerCase(java.util.Locale.ROOT) + " 0 * :" + nick);
        IrcMessage answer =
                await(mark, m -> Set.of("001", "432", "433", "464", "ERROR").contains(m.command()));
        switch (answer.command()) {
            case "001" -> nick = answer.param(0);
            case "433" -> throw new ChatException(ChatException.Code.NICK_IN_USE, "nick '" + nick + "': " + answer);
            case "432" -> throw new ChatException(ChatException.Code.ERRONEOUS_NICK, "nick '" + nick + "': " + answer);
            default -> throw new ChatException(ChatException.Code.BAD_PASSWORD, "registration refused: " + answer);
        }
    }

    /** The nick the server knows this client by. */
    public String nick() {
        return nick;
    }

    /**
     * Joins {@code channel} and waits until the server has sent its member list.
     *
     * @throws ChatException with {@link ChatException.Code#CANNOT_JOIN} naming the server's refusal
     */
    public void join(String channel) throws IOException {
        sync(); // answers to earlier commands (a PART's 403 for this channel) arrive before the mark
        long mark = mark();
        sendRaw("JOIN " + channel);
        sync(); // the server answers JOIN before the PONG; no answer at all means the client is in the channel already
        IrcMessage answer = log.find(
                mark,
                m -> (m.command().equals("366") || JOIN_ERRORS.contains(m.command()))
                        && m.params().size() > 1
                        && Casemapping.equals(m.param(1), channel));
        if (answer != null && !answer.command().equals("366")) {
            throw new ChatException(
                    ChatException.Code.CANNOT_JOIN,
                    "cannot join " + channel + ": " + answer.lastParam() + " (" + answer.command() + ")");
        }
    }

    /** Leaves {@code channel}. */
    public void part(String channel) throws IOException {
        sendRaw("PART " + channel);
        sync();
    }

    /** Sends {@code text} to a channel (or a nick); returns once the server has handled it. */
    public void sendMessage(String target, String text) throws IOException {
        for (String line : text.split("\r\n|\r|\n")) {
            sendRaw("PRIVMSG " + target + " :" + line);
        }
        sync();
    }

    /** Sends {@code text} privately to {@code nick}; returns once the server has handled it. */
    public void sendPrivateMessage(String nick, String text) throws IOException {
        sendMessage(nick, text);
    }

    /** Every PRIVMSG and NOTICE received so far, in order, after a round trip that flushes what was in flight. */
    public List<ChatMessage> getMessages() throws IOException {
        sync();
        return log.messages();
    }

    /** Waits for a message matching {@code wanted}, received before or after this call. */
    public ChatMessage awaitMessage(Predicate<ChatMessage> wanted, Duration within) throws IOException {
        return log.awaitMessage(wanted, within);
    }

    /**
     * Calls {@code listener} with every line received from now on, on the client's reading thread (so it must not
     * block): for a terminal client that shows what arrives.
     */
    public void onLine(Consumer<String> listener) {
        this.listener = java.util.Objects.requireNonNull(listener, "listener");
    }

    /** Waits for a received line (in its wire form, without CRLF) that matches {@code wanted}, from now on. */
    public String awaitLine(Predicate<String> wanted, Duration within) throws IOException {
        return log.await(log.mark(), line -> wanted.test(line.toWire()), within, "no matching line within " + within)
                .toWire();
    }

    /** Sends one raw line (without CRLF), for commands this class has no method for. */
    public void sendRaw(String line) throws IOException {
        if (line.indexOf('\r') >= 0 || line.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("line '" + line + "' must not hold CR or LF");
        }
        byte[] bytes = (line + "\r\n").getBytes(StandardCharsets.UTF_8);
        synchronized (out) {
            out.write(bytes);
            out.flush();
        }
    }

    /** Every line received so far (the last {@value #KEPT_LINES}), as the server sent them. */
    public List<String> receivedLines() {
        return log.lines(IrcMessage::toWire);
    }

    /** Sends a PING and waits for its PONG: everything the server sent this client before is then received. */
    public void sync() throws IOException {
        String token = "keel-sync-" + tokens.incrementAndGet();
        long mark = mark();
        sendRaw("PING :" + token);
        await(mark, m -> m.command().equals("PONG") && m.lastParam().equals(token));
    }

    /** Sends QUIT and waits for the server to close the connection. */
    public void quit(String reason) throws IOException {
        sendRaw("QUIT :" + reason);
        try {
            reader.join(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        close();
    }

    /** Closes the connection (without QUIT) and waits for the reading thread. */
    @Override
    public void close() throws IOException {
        socket.close();
        try {
            reader.join(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "ChatClient[" + nick + " @ " + socket.getRemoteSocketAddress() + "]";
    }

    private long mark() {
        return log.mark();
    }

    /** Waits for a line, received at or after {@code from}, that matches {@code wanted}. */
    private IrcMessage await(long from, Predicate<IrcMessage> wanted) throws IOException {
        return log.await(from, wanted, timeout, "no answer within " + timeout.toMillis() + " ms");
    }

    private void readLoop() {
        try {
            LineReader reader = new LineReader(socket.getInputStream());
            while (reader.next() instanceof LineReader.Text text) {
                if (IrcParser.parse(text.text()) instanceof IrcParser.Parsed parsed) {
                    receive(parsed.message());
                }
            }
        } catch (IOException e) {
            // The connection ended (closed by us, by the server, or reset): waiters are told below.
        } finally {
            log.end();
        }
    }

    private void receive(IrcMessage message) throws IOException {
        if (message.command().equals("PING")) {
            sendRaw("PONG :" + message.lastParam());
        }
        listener.accept(message.toWire());
        log.add(message);
    }
}
