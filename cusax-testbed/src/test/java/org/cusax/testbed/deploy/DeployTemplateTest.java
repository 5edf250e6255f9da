package org.cusax.testbed.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DeployTemplateTest {

    @Test
    void replacesOnlyTheSiteBlockOfTheShippedProsodyConfig() {
        DeployTemplate t = DeployTemplate.load("prosody/prosody.cfg.lua");
        String out = t.render("local domain = \"example.org\"\n");

        assertThat(out).contains("-- >>> site settings\nlocal domain = \"example.org\"\n-- <<< site settings");
        assertThat(out).doesNotContain("local domain = \"cusax.test\"");
        // everything after the block is verbatim
        String tail = t.text().substring(t.text().indexOf("-- <<< site settings"));
        assertThat(out).endsWith(tail);
    }

    @Test
    void markerWordsInsideACommentLineAreNotTheBlock() {
        DeployTemplate t = DeployTemplate.load("kamailio/kamailio.cfg");
        String out = t.render("listen=udp:127.0.0.1:1\n");

        assertThat(out).contains("# >>> site settings\nlisten=udp:127.0.0.1:1\n# <<< site settings");
        assertThat(out).doesNotContain("listen=udp:127.0.0.1:5060");
    }

    @Test
    void missingFileIsAClearError() {
        assertThatThrownBy(() -> DeployTemplate.load("nope/none.cfg"))
                .hasMessageContaining("nope/none.cfg");
    }
}
