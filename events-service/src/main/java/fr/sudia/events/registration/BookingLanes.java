package fr.sudia.events.registration;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ValidationException;
import jakarta.ws.rs.WebApplicationException;

/**
 * Runs bookings in batches, one transaction per batch. Bookings of one occurrence are serialized by the lock of its
 * slot row, which a transaction holds until its commit: one transaction per booking would make an occurrence's
 * bookings wait for each other's commit (a disk flush each), and a popular workshop opening would queue 64 callers
 * behind 64 flushes. Here the callers of one lane queue their booking; whichever takes the lane's lock runs every
 * queued booking in one transaction (arrival order kept: the queue's), commits once, and hands each caller its
 * own outcome: a booking refused with a 4xx changes nothing and leaves the others of its batch alone (the desk
 * checks everything before it writes). Lanes are a fixed set of stripes, by occurrence: bounded memory.
 */
@ApplicationScoped
public class BookingLanes {

    private static final int STRIPES = 64;
    private static final int MAX_BATCH = 200;

    private final Lane[] lanes = new Lane[STRIPES];

    BookingLanes() {
        for (int i = 0; i < STRIPES; i++) {
            lanes[i] = new Lane();
        }
    }

    private static final class Lane {
        final ReentrantLock leader = new ReentrantLock();
        final ConcurrentLinkedQueue<Task> queue = new ConcurrentLinkedQueue<>();
    }

    private record Task(Supplier<RegistrationDesk.Booked> work, CompletableFuture<RegistrationDesk.Booked> result) {
    }

    /** Books through the occurrence's lane; returns when this booking's batch has committed. */
    public RegistrationDesk.Booked book(UUID eventId, Instant originalStart, Supplier<RegistrationDesk.Booked> work) {
        Lane lane = lanes[Math.floorMod(Objects.hash(eventId, originalStart), STRIPES)];
        Task task = new Task(work, new CompletableFuture<>());
        lane.queue.add(task);
        while (!task.result().isDone()) {
            if (lane.leader.tryLock()) {
                try {
                    while (!task.result().isDone() && !lane.queue.isEmpty()) {
                        runBatch(lane);
                    }
                } finally {
                    lane.leader.unlock();
                }
            } else {
                try {
                    task.result().get(2, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    // the leader may have finished without this task: try to lead
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while booking", e);
                } catch (ExecutionException e) {
                    break;
                }
            }
        }
        try {
            return task.result().join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private void runBatch(Lane lane) {
        List<Task> batch = new ArrayList<>();
        for (Task task; batch.size() < MAX_BATCH && (task = lane.queue.poll()) != null;) {
            batch.add(task);
        }
        if (batch.isEmpty()) {
            return;
        }
        List<Object> outcomes = new ArrayList<>(batch.size());
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                for (Task task : batch) {
                    try {
                        outcomes.add(task.work().get());
                    } catch (WebApplicationException | ValidationException refused) {
                        outcomes.add(refused);
                    }
                }
            });
        } catch (RuntimeException failure) {
            // The commit (or something unforeseen) failed: none of the batch was booked.
            batch.forEach(task -> task.result().completeExceptionally(failure));
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            Object outcome = outcomes.get(i);
            if (outcome instanceof RegistrationDesk.Booked booked) {
                batch.get(i).result().complete(booked);
            } else {
                batch.get(i).result().completeExceptionally((RuntimeException) outcome);
            }
        }
    }
}
