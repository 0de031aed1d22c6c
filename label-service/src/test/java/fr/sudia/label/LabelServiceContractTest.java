package fr.sudia.label;

import fr.sudia.platform.testing.ServiceContractTest;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class LabelServiceContractTest extends ServiceContractTest {
}
