package org.cusax.core.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

/**
 * The tel index: which contacts own an address. Incoming caller IDs as SIP sends them (RFC 3261 §19.1.6
 * user=phone, RFC 3966 tel URIs) find the contact whose vCard (XEP-0054) holds the national number.
 */
class TelIndexTest {
    private final AddressNormalizer n = new AddressNormalizer("FR");
    private final TelIndex index = new TelIndex(n);

    private Contact contact(String jid, String... numbers) {
        List<TelAddress> tels = new ArrayList<>();
        for (String number : numbers) {
            tels.add(n.tel(number, List.of(), TelSource.VCARD_TEMP));
        }
        return Contact.of(jid, "").withTels(tels);
    }

    @Test
    void callerIdsOfEveryShapeFindTheContactWithANationalNumber() {
        index.put(contact("bob@cusax.test", "06 12 34 56 78"));
        for (String callerId : new String[] {"sip:+33612345678@cusax.test;user=phone", "tel:+33612345678",
            "sip:0612345678@cusax.test", "\"Bob\" <sip:+33612345678@gw.example;user=phone>;tag=a1", "+33 6 12 34 56 78"}) {
            assertThat(index.owners(callerId)).as(callerId).containsExactly("bob@cusax.test");
        }
        assertThat(index.owners("06 12 34 56 79")).isEmpty();
        assertThat(index.owners("garbage")).isEmpty();
    }

    @Test
    void sipAddressesMatchAsTheSameAddressOfRecord() {
        index.put(contact("carol@cusax.test", "sips:Carol@Chicago.com"));
        assertThat(index.owners("sip:Carol@chicago.com:5060;transport=tcp")).containsExactly("carol@cusax.test");
        assertThat(index.owners("sip:carol@chicago.com")).as("user part is case-sensitive").isEmpty();
    }

    @Test
    void sharedNumberHasSeveralOwners() {
        index.put(contact("alice@cusax.test", "01 23 45 67 89"));
        index.put(contact("bob@cusax.test", "+33 1 23 45 67 89", "01 23 45 67 89 x12"));
        assertThat(index.owners("tel:+33123456789")).containsExactly("alice@cusax.test", "bob@cusax.test");
        assertThat(index.owners("tel:+33123456789;ext=12")).containsExactly("bob@cusax.test");
    }

    @Test
    void changingOrRemovingAContactsTelsUpdatesTheIndexAtOnce() {
        index.put(contact("bob@cusax.test", "06 12 34 56 78", "01 23 45 67 89"));
        index.put(contact("bob@cusax.test", "06 99 99 99 99", "01 23 45 67 89"));
        assertThat(index.owners("+33612345678")).isEmpty();
        assertThat(index.owners("+33699999999")).containsExactly("bob@cusax.test");
        assertThat(index.owners("+33123456789")).containsExactly("bob@cusax.test");
        index.put(contact("bob@cusax.test"));
        assertThat(index.owners("+33699999999")).isEmpty();
        assertThat(index.keyCount()).isZero();
        index.put(contact("bob@cusax.test", "06 12 34 56 78"));
        index.remove("Bob@Cusax.Test");
        assertThat(index.owners("+33612345678")).isEmpty();
        assertThat(index.keyCount()).isZero();
    }

    @Test
    void concurrentUpdatesLeaveExactlyTheLastStateOfEachContact() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                work.add(pool.submit(() -> {
                    for (int i = 0; i < 200; i++) {
                        String jid = "user" + thread + "@cusax.test";
                        index.put(contact(jid, String.format("06 %02d %02d 00 %02d", thread, i % 100, i / 100)));
                        index.owners("06 00 00 00 00");
                    }
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        for (int t = 0; t < 4; t++) {
            assertThat(index.owners(String.format("06 %02d %02d 00 %02d", t, 199 % 100, 1))).containsExactly(
                    "user" + t + "@cusax.test");
        }
        assertThat(index.keyCount()).isEqualTo(4);
    }
}
