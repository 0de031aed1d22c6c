package fr.sudia.impact;

import fr.sudia.platform.testing.DevTokens;
import fr.sudia.platform.testing.KafkaTestResource;
import fr.sudia.platform.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;

/** Every test of this module runs against a real Kafka broker and a fresh PostgreSQL database. */
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(DevTokens.class)
public class PlatformTestResources {
}
