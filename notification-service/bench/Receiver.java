import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpServer;

/**
 * The partners' side of the webhook benchmark: an HTTP receiver on 127.0.0.1:<port> answering 204 at once to every
 * POST (the body read and dropped, no signature check: the service's cost is measured, not the receiver's).
 * GET /count gives the number of requests received. Run by bench/fanout: java Receiver.java <port>
 */
public class Receiver {

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        AtomicLong received = new AtomicLong();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1024);
        server.createContext("/", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                body.readAllBytes();
            }
            if (exchange.getRequestMethod().equals("GET")) {
                byte[] count = Long.toString(received.get()).getBytes();
                exchange.sendResponseHeaders(200, count.length);
                exchange.getResponseBody().write(count);
            } else {
                received.incrementAndGet();
                exchange.sendResponseHeaders(204, -1);
            }
            exchange.close();
        });
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.start();
        System.err.println("receiver listening on 127.0.0.1:" + port);
    }
}
