package fr.sudia.notifications;

import fr.sudia.notifications.support.SmtpServer;
import fr.sudia.platform.testing.DevTokens;
import fr.sudia.platform.testing.KafkaTestResource;
import fr.sudia.platform.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;

/** Every test of this module runs against a real Kafka broker, a fresh PostgreSQL database and a real SMTP server. */
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(DevTokens.class)
@QuarkusTestResource(SmtpServer.class)
public class PlatformTestResources {
}
