package fr.sudia.platform.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EntityTagsTest {

    @Test
    void theTagMatchesAloneAmongOthersWeakOrStrongOrAsAStar() {
        assertTrue(EntityTags.noneMatchNames("\"schemes-1\"", "schemes-1"));
        assertTrue(EntityTags.noneMatchNames("\"a\", W/\"schemes-1\"", "schemes-1"));
        assertTrue(EntityTags.noneMatchNames("*", "schemes-1"));
    }

    @Test
    void anotherTagAnUnquotedOneOrNoHeaderDoNotMatch() {
        assertFalse(EntityTags.noneMatchNames(null, "schemes-1"));
        assertFalse(EntityTags.noneMatchNames("\"schemes-2\"", "schemes-1"));
        assertFalse(EntityTags.noneMatchNames("schemes-1", "schemes-1"));
        assertFalse(EntityTags.noneMatchNames("\"schemes-1x\"", "schemes-1"));
    }
}
