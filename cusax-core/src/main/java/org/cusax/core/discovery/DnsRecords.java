package org.cusax.core.discovery;

import java.io.IOException;
import java.util.List;

/** The DNS look-ups discovery needs; implemented by the app (dnsjava) with a configurable resolver. */
public interface DnsRecords {
    /** SRV records of {@code name} (e.g. {@code _sips._tcp.example.com}); empty when there are none. */
    List<SrvRecord> srv(String name) throws IOException;

    /** NAPTR records of {@code name}; empty when there are none. */
    List<NaptrRecord> naptr(String name) throws IOException;

    /**
     * One SRV record (RFC 2782); {@code target} without the trailing dot, "." meaning "no service".
     */
    record SrvRecord(int priority, int weight, int port, String target) {
    }

    /** One NAPTR record (RFC 3403); {@code replacement} without the trailing dot. */
    record NaptrRecord(int order, int preference, String flags, String service, String replacement) {
    }
}
