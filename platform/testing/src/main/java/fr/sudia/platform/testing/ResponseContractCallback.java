package fr.sudia.platform.testing;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;

/**
 * Installs {@link ResponseContract} once in the RestAssured of every {@code @QuarkusTest} of a service (found through
 * {@code META-INF/services}); {@code -Dsudia.response-contract=off} leaves it out.
 */
public class ResponseContractCallback implements QuarkusTestBeforeEachCallback {

    private static volatile boolean installed;

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        if (installed || "off".equals(System.getProperty("sudia.response-contract"))) {
            return;
        }
        synchronized (ResponseContractCallback.class) {
            if (!installed) {
                RestAssured.filters(new ResponseContract());
                installed = true;
            }
        }
    }
}
