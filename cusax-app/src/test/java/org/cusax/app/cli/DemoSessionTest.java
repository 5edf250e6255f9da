package org.cusax.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How the demo's interactive session splits a typed line into command words. */
class DemoSessionTest {
    @Test
    void wordsAreSplitOnSpacesAndQuotesKeepSpaces() {
        assertThat(DemoSession.words("  chat echo@cusax.test  \"Hello there\" 'it''s'  ")).containsExactly("chat",
                "echo@cusax.test", "Hello there", "its");
        assertThat(DemoSession.words("call +33612345678 --hangup-after 3")).containsExactly("call", "+33612345678",
                "--hangup-after", "3");
        assertThat(DemoSession.words("chat bob@x \"\"")).containsExactly("chat", "bob@x", "");
        assertThat(DemoSession.words("   ")).isEmpty();
    }
}
