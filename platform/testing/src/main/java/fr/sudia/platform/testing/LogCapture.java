package fr.sudia.platform.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * What a service logs while a flow runs, as written: each record's logger, message, parameters and exceptions, for
 * tests that check that no personal data reaches the logs. Captures on the root logger (Quarkus routes every log
 * through java.util.logging) and writes one line of its own first, so that a test can tell the capture worked.
 */
public final class LogCapture {

    /** The line {@link #during} logs first: present in every capture that worked. */
    public static final String MARK = "log capture: started";

    private LogCapture() {
    }

    /**
     * Runs the flow and answers every line logged meanwhile, leaving out the loggers named by the prefixes (a test
     * server running in the test JVM, e.g. GreenMail, is not the service).
     */
    public static List<String> during(Runnable flow, String... ignoredLoggerPrefixes) {
        List<String> lines = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                String logger = String.valueOf(record.getLoggerName());
                for (String prefix : ignoredLoggerPrefixes) {
                    if (logger.startsWith(prefix)) {
                        return;
                    }
                }
                StringBuilder line = new StringBuilder(logger).append(": ").append(record.getMessage());
                if (record.getParameters() != null) {
                    for (Object parameter : record.getParameters()) {
                        line.append(' ').append(parameter);
                    }
                }
                for (Throwable t = record.getThrown(); t != null; t = t.getCause()) {
                    line.append(' ').append(t);
                }
                lines.add(line.toString());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        handler.setLevel(Level.ALL);
        Logger root = Logger.getLogger("");
        root.addHandler(handler);
        try {
            org.jboss.logging.Logger.getLogger(LogCapture.class).info(MARK);
            flow.run();
        } finally {
            root.removeHandler(handler);
        }
        return List.copyOf(lines);
    }

    /** A flow that throws checked exceptions, for {@link #during}. */
    public static Runnable unchecked(ThrowingFlow flow) {
        return () -> {
            try {
                flow.run();
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }

    @FunctionalInterface
    public interface ThrowingFlow {
        void run() throws Exception;
    }
}
