package dev.keel.chat.protocol;

import org.jspecify.annotations.Nullable;

/**
 * The numeric replies keel's server sends, with their codes and fixed texts as the Modern IRC client protocol
 * document (https://modern.ircdocs.horse) and RFC 2812 section 5 give them. A null text means the reply's last
 * parameter is computed (a topic, a MOTD line). Immutable.
 */
public enum Numeric {
    RPL_WELCOME("001", null),
    RPL_YOURHOST("002", null),
    RPL_CREATED("003", null),
    RPL_MYINFO("004", null),
    RPL_ISUPPORT("005", "are supported by this server"),
    RPL_UMODEIS("221", null),
    RPL_LUSERCLIENT("251", null),
    RPL_LUSEROP("252", "operator(s) online"),
    RPL_LUSERUNKNOWN("253", "unknown connection(s)"),
    RPL_LUSERCHANNELS("254", "channels formed"),
    RPL_LUSERME("255", null),
    RPL_AWAY("301", null),
    RPL_USERHOST("302", null),
    RPL_ISON("303", null),
    RPL_UNAWAY("305", "You are no longer marked as being away"),
    RPL_NOWAWAY("306", "You have been marked as being away"),
    RPL_WHOISUSER("311", null),
    RPL_WHOISSERVER("312", null),
    RPL_ENDOFWHO("315", "End of WHO list"),
    RPL_WHOISIDLE("317", "seconds idle, signon time"),
    RPL_ENDOFWHOIS("318", "End of /WHOIS list"),
    RPL_WHOISCHANNELS("319", null),
    RPL_LISTSTART("321", "Users  Name"),
    RPL_LIST("322", null),
    RPL_LISTEND("323", "End of /LIST"),
    RPL_CHANNELMODEIS("324", null),
    RPL_CREATIONTIME("329", null),
    RPL_NOTOPIC("331", "No topic is set"),
    RPL_TOPIC("332", null),
    RPL_TOPICWHOTIME("333", null),
    RPL_INVITING("341", null),
    RPL_WHOREPLY("352", null),
    RPL_NAMREPLY("353", null),
    RPL_ENDOFNAMES("366", "End of /NAMES list"),
    RPL_BANLIST("367", null),
    RPL_ENDOFBANLIST("368", "End of channel ban list"),
    RPL_MOTD("372", null),
    RPL_MOTDSTART("375", null),
    RPL_ENDOFMOTD("376", "End of /MOTD command."),
    ERR_UNKNOWNERROR("400", null),
    ERR_NOSUCHNICK("401", "No such nick/channel"),
    ERR_NOSUCHCHANNEL("403", "No such channel"),
    ERR_CANNOTSENDTOCHAN("404", "Cannot send to channel"),
    ERR_TOOMANYCHANNELS("405", "You have joined too many channels"),
    ERR_INVALIDCAPCMD("410", "Invalid CAP command"),
    ERR_NORECIPIENT("411", null),
    ERR_NOTEXTTOSEND("412", "No text to send"),
    ERR_INPUTTOOLONG("417", "Input line was too long"),
    ERR_UNKNOWNCOMMAND("421", "Unknown command"),
    ERR_NOMOTD("422", "MOTD File is missing"),
    ERR_NONICKNAMEGIVEN("431", "No nickname given"),
    ERR_ERRONEUSNICKNAME("432", "Erroneus nickname"),
    ERR_NICKNAMEINUSE("433", "Nickname is already in use"),
    ERR_USERNOTINCHANNEL("441", "They aren't on that channel"),
    ERR_NOTONCHANNEL("442", "You're not on that channel"),
    ERR_USERONCHANNEL("443", "is already on channel"),
    ERR_NOTREGISTERED("451", "You have not registered"),
    ERR_NEEDMOREPARAMS("461", "Not enough parameters"),
    ERR_ALREADYREGISTERED("462", "You may not reregister"),
    ERR_PASSWDMISMATCH("464", "Password incorrect"),
    ERR_KEYSET("467", "Channel key already set"),
    ERR_CHANNELISFULL("471", "Cannot join channel (+l)"),
    ERR_UNKNOWNMODE("472", "is unknown mode char to me"),
    ERR_INVITEONLYCHAN("473", "Cannot join channel (+i)"),
    ERR_BANNEDFROMCHAN("474", "Cannot join channel (+b)"),
    ERR_BADCHANNELKEY("475", "Cannot join channel (+k)"),
    ERR_CHANOPRIVSNEEDED("482", "You're not channel operator"),
    ERR_UMODEUNKNOWNFLAG("501", "Unknown MODE flag"),
    ERR_USERSDONTMATCH("502", "Cant change mode for other users");

    private final String code;
    private final @Nullable String text;

    Numeric(String code, @Nullable String text) {
        this.code = code;
        this.text = text;
    }

    /** The three-digit code, the message's command. */
    public String code() {
        return code;
    }

    /** The fixed text that ends the reply, or null if the caller supplies it. */
    public @Nullable String text() {
        return text;
    }
}
