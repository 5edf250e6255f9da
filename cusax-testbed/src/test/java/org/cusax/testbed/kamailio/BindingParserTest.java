package org.cusax.testbed.kamailio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BindingParserTest {

    // Output of kamcmd ul.lookup location alice (Kamailio 5.6), two contacts.
    private static final String OUTPUT = """
            {
            	AoR: alice
            	Contacts: {
            		Contact: {
            			Address: sip:alice@127.0.0.1:25999
            			Expires: 58
            			Q: -1
            			Call-ID: 1-8045@127.0.0.1
            			CSeq: 2
            			User-Agent: cusax-testbed-sipp
            			Received: [not set]
            			Path: [not set]
            			Socket: udp:127.0.0.1:25060
            		}
            		Contact: {
            			Address: sip:alice@10.0.0.7:5061;transport=tls
            			Expires: 3590
            			Call-ID: abc
            			User-Agent: [not set]
            			Received: sip:127.0.0.1:40123;transport=tls
            			Socket: tls:127.0.0.1:25061
            		}
            	}
            }
            """;

    @Test
    void readsEveryContactWithItsFields() {
        List<Binding> b = BindingParser.parse(OUTPUT);

        assertThat(b).hasSize(2);
        assertThat(b.get(0).contact()).isEqualTo("sip:alice@127.0.0.1:25999");
        assertThat(b.get(0).expiresSeconds()).isEqualTo(58);
        assertThat(b.get(0).received()).isNull();
        assertThat(b.get(0).transport()).isEqualTo("udp");
        assertThat(b.get(0).userAgent()).isEqualTo("cusax-testbed-sipp");
        assertThat(b.get(1).received()).isEqualTo("sip:127.0.0.1:40123;transport=tls");
        assertThat(b.get(1).transport()).isEqualTo("tls");
        assertThat(b.get(1).userAgent()).isNull();
        assertThat(b.get(1).callId()).isEqualTo("abc");
    }

    @Test
    void noContactsGiveAnEmptyList() {
        assertThat(BindingParser.parse("{\n\tAoR: alice\n\tContacts: {\n\t}\n}\n")).isEmpty();
    }
}
