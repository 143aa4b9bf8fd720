package dev.keel.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The seed example, word for word, and the client API around it. */
final class SeedExampleTest {

    @Test
    void seedExample_bobReceivesAlicesMessage_andThePrivateMessage() throws Exception {
        try (ChatServer server = ChatServer.start(ChatConfig.defaults());
                ChatClient alice = ChatClient.connect("Alice", server);
                ChatClient bob = ChatClient.connect("Bob", server)) {
            alice.join("#general");
            bob.join("#general");
            alice.sendMessage("#general", "Hello everyone!");
            List<ChatMessage> messages = bob.getMessages();
            assertThat(messages).contains(new ChatMessage("Alice", "#general", "Hello everyone!", false));
            alice.sendPrivateMessage("Bob", "hi");
            assertThat(bob.getMessages()).last().isEqualTo(new ChatMessage("Alice", "Bob", "hi", false));
            assertThat(bob.getMessages().getLast().isPrivate()).isTrue();
            assertThat(server.registeredClients()).isEqualTo(2);
        }
    }

    @Test
    void connect_nickInUse_isAChatExceptionWithItsCode() throws Exception {
        try (ChatServer server = ChatServer.start(ChatConfig.defaults());
                ChatClient alice = ChatClient.connect("Alice", server)) {
            assertThatThrownBy(() -> ChatClient.connect("ALICE", server))
                    .isInstanceOfSatisfying(
                            ChatException.class, e -> assertThat(e.code()).isEqualTo(ChatException.Code.NICK_IN_USE));
            assertThat(alice.nick()).isEqualTo("Alice");
        }
    }

    @Test
    void join_refused_namesTheReason() throws Exception {
        try (ChatServer server = ChatServer.start(ChatConfig.defaults());
                ChatClient alice = ChatClient.connect("Alice", server);
                ChatClient bob = ChatClient.connect("Bob", server)) {
            alice.join("#locked");
            alice.sendRaw("MODE #locked +k sesame");
            alice.sync();
            assertThatThrownBy(() -> bob.join("#locked"))
                    .isInstanceOf(ChatException.class)
                    .hasMessage("cannot join #locked: Cannot join channel (+k) (475)");
        }
    }

    @Test
    void config_invalidValues_areRejectedNamingThem() {
        assertThatThrownBy(() -> ChatConfig.builder().port(70000).build())
                .hasMessageContaining("port (70000) must be in [0, 65535]");
        assertThatThrownBy(() -> ChatConfig.builder().serverName("bad name").build())
                .hasMessageContaining("serverName 'bad name'");
        assertThatThrownBy(() -> ChatConfig.builder().port(1).port(2))
                .hasMessage("port was already set on this builder");
    }
}
