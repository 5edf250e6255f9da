package org.cusax.app.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.cusax.core.call.BoundContact;
import org.cusax.core.call.Call;
import org.cusax.core.call.CallerIdentity;
import org.cusax.core.call.MatchedBy;
import org.cusax.core.event.IncomingCall;
import org.junit.jupiter.api.Test;

/** RFC 7081 §5 as JSON: the incoming-call event names the caller, its bound contact or the candidates. */
class CallerJsonTest {
    private final JsonWriter json = new JsonWriter(System.out);
    private final Call call = Call.incoming("id1", "sip:+33612345678@cusax.test;user=phone", Instant.EPOCH);

    @Test
    void boundByCallInfo() {
        CallerIdentity caller = new CallerIdentity(call.remote(), "06 12 34 56 78", "Bob",
                Optional.of(new BoundContact("bob@cusax.test", "Bob", MatchedBy.CALL_INFO)), List.of(), Optional.empty());
        Map<String, Object> m = JsonModel.event(new IncomingCall(Instant.EPOCH, call, caller), org.cusax.core.testing.TestAccounts.link("alice"));
        assertThat(json.compact(m)).contains("\"from\":\"sip:+33612345678@cusax.test;user=phone\"")
                .contains("\"fromDisplay\":\"06 12 34 56 78\"")
                .contains("\"contact\":{\"jid\":\"bob@cusax.test\",\"name\":\"Bob\",\"matchedBy\":\"call-info\"}")
                .contains("\"candidates\":[]").contains("\"callInfoIgnored\":null");
    }

    @Test
    void notBoundWithCandidatesAndAReason() {
        CallerIdentity caller = new CallerIdentity("tel:+33123456789", "01 23 45 67 89", "", Optional.empty(),
                List.of("dave@cusax.test", "erin@cusax.test"), Optional.of("Call-Info names carol@cusax.test, but …"));
        String text = json.compact(JsonModel.event(new IncomingCall(Instant.EPOCH, call, caller), org.cusax.core.testing.TestAccounts.link("alice")));
        assertThat(text).contains("\"contact\":null")
                .contains("\"candidates\":[\"dave@cusax.test\",\"erin@cusax.test\"]")
                .contains("\"callInfoIgnored\":\"Call-Info names carol@cusax.test, but …\"")
                .contains("\"callId\":\"id1\"");
    }
}
