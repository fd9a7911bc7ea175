package org.memberaid.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EntityTagsTest {

    @Test
    void findsTheTagInAListComparingWeakly() {
        assertThat(EntityTags.names("\"3\"", "\"3\"")).isTrue();
        assertThat(EntityTags.names("\"1\", W/\"3\"", "\"3\"")).isTrue();
        assertThat(EntityTags.names("W/\"3\"", "W/\"3\"")).isTrue();
        assertThat(EntityTags.names("*", "\"7\"")).isTrue();
    }

    @Test
    void matchesNoOtherTag() {
        assertThat(EntityTags.names("\"2\"", "\"3\"")).isFalse();
        assertThat(EntityTags.names("\"3", "\"3\"")).isFalse();
        assertThat(EntityTags.names("3", "\"3\"")).isFalse();
        assertThat(EntityTags.names("", "\"3\"")).isFalse();
        assertThat(EntityTags.names(" , ", "\"3\"")).isFalse();
    }
}
