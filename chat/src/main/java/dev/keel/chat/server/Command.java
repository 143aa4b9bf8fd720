package dev.keel.chat.server;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A client's command, parsed and checked for its parameters: what the dispatcher switches on. A message that cannot be
 * a valid command becomes one of the error records ({@link NeedMoreParams}, {@link Unknown}, ...), each of which the
 * dispatcher answers with its numeric. Immutable.
 */
sealed interface Command {

    /** The command's name, as the client sent it (upper case): for 421 and 461. */
    String name();

    record Cap(String subcommand, List<String> args) implements Command {
        @Override
        public String name() {
            return "CAP";
        }
    }

    record Pass(String password) implements Command {
        @Override
        public String name() {
            return "PASS";
        }
    }

    record Nick(String nick) implements Command {
        @Override
        public String name() {
            return "NICK";
        }
    }

    record User(String username, String realname) implements Command {
        @Override
        public String name() {
            return "USER";
        }
    }

    record Ping(String token) implements Command {
        @Override
        public String name() {
            return "PING";
        }
    }

    record Pong(String token) implements Command {
        @Override
        public String name() {
            return "PONG";
        }
    }

    record Quit(@Nullable String reason) implements Command {
        @Override
        public String name() {
            return "QUIT";
        }
    }

    /** {@code JOIN #a,#b key}; {@code JOIN 0} is a channel list of just "0". */
    record Join(List<String> channels, List<String> keys) implements Command {
        @Override
        public String name() {
            return "JOIN";
        }
    }

    record Part(List<String> channels, @Nullable String reason) implements Command {
        @Override
        public String name() {
            return "PART";
        }
    }

    /** PRIVMSG or NOTICE: {@code notice} says which (a NOTICE is never answered with an error). */
    record Message(boolean notice, List<String> targets, String text) implements Command {
        @Override
        public String name() {
            return notice ? "NOTICE" : "PRIVMSG";
        }
    }

    record Topic(String channel, @Nullable String topic) implements Command {
        @Override
        public String name() {
            return "TOPIC";
        }
    }

    record Names(List<String> channels) implements Command {
        @Override
        public String name() {
            return "NAMES";
        }
    }

    record ListChannels(List<String> channels) implements Command {
        @Override
        public String name() {
            return "LIST";
        }
    }

    record Who(String mask) implements Command {
        @Override
        public String name() {
            return "WHO";
        }
    }

    record Whois(String nick) implements Command {
        @Override
        public String name() {
            return "WHOIS";
        }
    }

    /** {@code MODE target [modestring [args...]]}; a null modestring is a query. */
    record Mode(String target, @Nullable String modes, List<String> args) implements Command {
        @Override
        public String name() {
            return "MODE";
        }
    }

    record Kick(
            String channel, List<String> nicks, @Nullable String reason) implements Command {
        @Override
        public String name() {
            return "KICK";
        }
    }

    record Invite(String nick, String channel) implements Command {
        @Override
        public String name() {
            return "INVITE";
        }
    }

    /** {@code AWAY :message} sets, {@code AWAY} alone clears (a null message). */
    record Away(@Nullable String message) implements Command {
        @Override
        public String name() {
            return "AWAY";
        }
    }

    record Userhost(List<String> nicks) implements Command {
        @Override
        public String name() {
            return "USERHOST";
        }
    }

    record Ison(List<String> nicks) implements Command {
        @Override
        public String name() {
            return "ISON";
        }
    }

    record Motd() implements Command {
        @Override
        public String name() {
            return "MOTD";
        }
    }

    record Lusers() implements Command {
        @Override
        public String name() {
            return "LUSERS";
        }
    }

    /** 461: a known command without the parameters it needs. */
    record NeedMoreParams(String name) implements Command {}

    /** 411: PRIVMSG or NOTICE without a target. */
    record NoRecipient(String name) implements Command {}

    /** 412: PRIVMSG or NOTICE without text. */
    record NoTextToSend(String name) implements Command {}

    /** 431: NICK without a nick. */
    record NoNicknameGiven() implements Command {
        @Override
        public String name() {
            return "NICK";
        }
    }

    /** 421: a command the server does not know. */
    record Unknown(String name) implements Command {}
}
