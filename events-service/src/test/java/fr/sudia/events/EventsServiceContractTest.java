package fr.sudia.events;

import fr.sudia.platform.testing.ServiceContractTest;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class EventsServiceContractTest extends ServiceContractTest {
}
