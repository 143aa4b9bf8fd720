package dev.keel.cli;

import dev.keel.chat.ChatMessage;

/** How {@code keel chat connect} shows a line from the server: messages as {@code [#chan] <nick> text}, the rest raw. */
final class TerminalLines {

    private TerminalLines() {}

    static String show(String line) {
        String[] parts = line.split(" ", 4);
        if (parts.length == 4
                && parts[0].startsWith(":")
                && (parts[1].equals("PRIVMSG") || parts[1].equals("NOTICE"))) {
            String source = parts[0].substring(1);
            int bang = source.indexOf('!');
            String nick = bang < 0 ? source : source.substring(0, bang);
            String text = parts[3].startsWith(":") ? parts[3].substring(1) : parts[3];
            ChatMessage message = new ChatMessage(nick, parts[2], text, parts[1].equals("NOTICE"));
            String who = message.notice() ? "-" + nick + "-" : "<" + nick + ">";
            return message.isPrivate() ? who + " " + text : "[" + message.target() + "] " + who + " " + text;
        }
        return line;
    }
}
