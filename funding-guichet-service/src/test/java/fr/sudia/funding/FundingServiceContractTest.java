package fr.sudia.funding;

import fr.sudia.platform.testing.ServiceContractTest;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class FundingServiceContractTest extends ServiceContractTest {
}
