package org.cusax.sandbox.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import javax.sip.SipFactory;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;

import org.cusax.core.testing.MutableClock;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** RFC 3261 §10.3 bindings: expiry, refresh, removal, and the no-forking target choice. */
class LocationServiceTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final LocationService location = new LocationService(clock);

    private static SipURI uri(String s) throws Exception {
        AddressFactory f = SipFactory.getInstance().createAddressFactory();
        return (SipURI) f.createURI(s);
    }

    @Test
    @DisplayName("§10.3: a binding lapses at its expiry; the most recent binding is the target")
    void expiryAndTarget() throws Exception {
        String aor = LocationService.aor("bob", "Sandbox.Test");
        assertThat(aor).isEqualTo("bob@sandbox.test");
        location.put(aor, new Binding(uri("sip:bob@127.0.0.1:5071"), clock.instant().plusSeconds(60), "c1", 1));
        location.put(aor, new Binding(uri("sip:bob@127.0.0.1:5072"), clock.instant().plusSeconds(120), "c2", 1));
        assertThat(location.target(aor).orElseThrow().contact().getPort()).isEqualTo(5072);
        assertThat(location.isContact(uri("sip:bob@127.0.0.1:5071"))).isTrue();

        clock.advance(Duration.ofSeconds(60));
        assertThat(location.lookup(aor)).extracting(b -> b.contact().getPort()).containsExactly(5072);
        assertThat(location.isContact(uri("sip:bob@127.0.0.1:5071"))).isFalse();
        clock.advance(Duration.ofSeconds(60));
        assertThat(location.lookup(aor)).isEmpty();
        assertThat(location.target(aor)).isEmpty();
    }

    @Test
    @DisplayName("§10.3 step 7: a refresh replaces the binding; an older CSeq of the same Call-ID does not")
    void refreshAndOrdering() throws Exception {
        String aor = "alice@sandbox.test";
        SipURI contact = uri("sip:alice@127.0.0.1:5080");
        location.put(aor, new Binding(contact, clock.instant().plusSeconds(60), "c", 5));
        location.put(aor, new Binding(contact, clock.instant().plusSeconds(30), "c", 4));
        assertThat(location.lookup(aor)).singleElement().satisfies(b -> assertThat(b.cseq()).isEqualTo(5));
        location.put(aor, new Binding(contact, clock.instant().plusSeconds(300), "c", 6));
        assertThat(location.secondsLeft(location.lookup(aor).get(0))).isEqualTo(300);
        location.remove(aor, contact);
        assertThat(location.lookup(aor)).isEmpty();
        location.put(aor, new Binding(contact, clock.instant().plusSeconds(60), "d", 1));
        location.removeAll(aor);
        assertThat(location.snapshot()).isEmpty();
    }
}
