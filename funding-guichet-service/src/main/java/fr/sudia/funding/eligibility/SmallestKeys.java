package fr.sudia.funding.eligibility;

import java.util.Arrays;

/**
 * The {@code limit} smallest of the keys offered, in a max-heap of primitive longs whose head is the largest kept:
 * ranking offers one key per scheme of the catalogue on every call, so no boxing and no comparator.
 */
final class SmallestKeys {

    private final long[] heap;
    private int size;

    SmallestKeys(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, not " + limit);
        }
        heap = new long[limit];
    }

    void offer(long key) {
        if (size < heap.length) {
            heap[size] = key;
            siftUp(size++);
        } else if (key < heap[0]) {
            heap[0] = key;
            siftDown(0);
        }
    }

    /** The keys kept, smallest first. */
    long[] sorted() {
        long[] keys = Arrays.copyOf(heap, size);
        Arrays.sort(keys);
        return keys;
    }

    private void siftUp(int index) {
        long key = heap[index];
        while (index > 0) {
            int parent = (index - 1) >>> 1;
            if (heap[parent] >= key) {
                break;
            }
            heap[index] = heap[parent];
            index = parent;
        }
        heap[index] = key;
    }

    private void siftDown(int index) {
        long key = heap[index];
        int half = size >>> 1;
        while (index < half) {
            int child = 2 * index + 1;
            if (child + 1 < size && heap[child + 1] > heap[child]) {
                child++;
            }
            if (key >= heap[child]) {
                break;
            }
            heap[index] = heap[child];
            index = child;
        }
        heap[index] = key;
    }
}
