package fr.sudia.directory;

import fr.sudia.platform.testing.ServiceContractTest;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class DirectoryServiceContractTest extends ServiceContractTest {
}
