package fr.sudia.notifications.email;

import static fr.sudia.notifications.support.Publisher.PATIENCE;
import static fr.sudia.notifications.support.Publisher.newId;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import fr.sudia.notifications.support.Publisher;
import fr.sudia.notifications.support.SmtpServer;
import fr.sudia.platform.testing.EmbeddedKafkaBroker;
import fr.sudia.platform.testing.InjectKafkaBroker;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * A hard bounce: an SMTP server (a small real one on the mailer's port, in place of GreenMail) refuses the recipient
 * with 550; the email is FAILED, the address goes on the suppression list for everything, and nothing more is sent
 * to it once the usual server is back.
 */
@QuarkusTest
class HardBounceTest {

    @InjectKafkaBroker
    EmbeddedKafkaBroker broker;

    @Inject
    EntityManager entityManager;

    Publisher publisher;

    @BeforeEach
    void publisher() {
        publisher = new Publisher(broker, entityManager);
    }

    @AfterEach
    void greenMailBack() {
        SmtpServer.startServer();
    }

    @Test
    void aRefusedRecipientIsSuppressedAndNeverWrittenToAgain() throws Exception {
        String recipient = "gone-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        SmtpServer.stopServer();
        try (RefusingServer refusing = new RefusingServer(SmtpServer.port(), recipient)) {
            publisher.registration(newId(), "confirmed", UUID.randomUUID(), "CONFIRMED", recipient, "fr",
                    "2027-07-01T09:00:00Z", null);
            await().atMost(PATIENCE).until(() -> publisher.count(
                    "select count(*) from email_delivery where recipient = ?1 and status = 'FAILED'", recipient) == 1);
        }
        SmtpServer.startServer();
        assertEquals(1, publisher.count(
                "select count(*) from suppression where email = ?1 and category = '*' and reason like 'hard bounce 550%'", recipient));
        assertEquals("hard bounce", ((String) publisher.single(
                "select last_error from email_delivery where recipient = ?1", recipient)).substring(0, 11));

        publisher.registration(newId(), "waitlisted", UUID.randomUUID(), "WAITLISTED", recipient, "fr",
                "2027-07-02T09:00:00Z", null);
        await().atMost(PATIENCE).until(() -> publisher.count(
                "select count(*) from email_delivery where recipient = ?1 and status = 'SUPPRESSED'", recipient) == 1);
        assertEquals(0, SmtpServer.messagesTo(recipient).size());
    }

    /** Speaks just enough SMTP to refuse one recipient for good (550) and ask the others to come back later (451). */
    static final class RefusingServer implements AutoCloseable {
        private final ServerSocket socket;
        private final Thread thread;

        RefusingServer(int port, String refused) throws IOException {
            socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new java.net.InetSocketAddress(InetAddress.getByName("127.0.0.1"), port));
            thread = new Thread(() -> {
                while (!socket.isClosed()) {
                    try {
                        Socket client = socket.accept();
                        // One thread per connection: a client may hold one open while it opens another.
                        Thread conversation = new Thread(() -> {
                            try (client) {
                                client.setSoTimeout(30_000);
                                converse(client, refused);
                            } catch (IOException e) {
                                // the client hung up
                            }
                        }, "refusing-smtp-client");
                        conversation.setDaemon(true);
                        conversation.start();
                    } catch (IOException e) {
                        // closed
                    }
                }
            }, "refusing-smtp");
            thread.setDaemon(true);
            thread.start();
        }

        private static void converse(Socket client, String refused) throws IOException {
            BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
            Writer out = new OutputStreamWriter(client.getOutputStream(), StandardCharsets.US_ASCII);
            reply(out, "220 refusing.test ESMTP");
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.toUpperCase(Locale.ROOT);
                if (command.startsWith("EHLO") || command.startsWith("HELO")) {
                    reply(out, "250 refusing.test");
                } else if (command.startsWith("RCPT TO")) {
                    reply(out, line.toLowerCase(Locale.ROOT).contains(refused) ? "550 5.1.1 No such user here"
                            : "451 4.3.0 Try again later");
                } else if (command.startsWith("QUIT")) {
                    reply(out, "221 Bye");
                    return;
                } else {
                    reply(out, "250 OK");
                }
            }
        }

        private static void reply(Writer out, String line) throws IOException {
            out.write(line + "\r\n");
            out.flush();
        }

        @Override
        public void close() throws Exception {
            socket.close();
            thread.join(5000);
        }
    }
}
