package fr.sudia.funding.eligibility;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The heap keeps exactly the smallest keys, whatever order they come in, duplicates included. */
class SmallestKeysTest {

    @Test
    void keepsTheSmallestKeysInOrder() {
        Random random = new Random(7);
        for (int round = 0; round < 500; round++) {
            int count = random.nextInt(300);
            int limit = 1 + random.nextInt(60);
            long[] keys = new long[count];
            for (int i = 0; i < count; i++) {
                // a narrow range on some rounds, so that equal keys occur
                keys[i] = round % 2 == 0 ? random.nextLong() : random.nextInt(20);
            }
            SmallestKeys smallest = new SmallestKeys(limit);
            for (long key : keys) {
                smallest.offer(key);
            }
            long[] expected = Arrays.stream(keys).sorted().limit(limit).toArray();
            assertArrayEquals(expected, smallest.sorted(), "round " + round);
        }
    }

    @Test
    void aLimitBelowOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new SmallestKeys(0));
    }
}
