package org.cusax.app.provisioning;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.cusax.core.discovery.DnsRecords;
import org.xbill.DNS.Cache;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.Lookup;
import org.xbill.DNS.NAPTRRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * SRV and NAPTR look-ups with dnsjava 3, against the system resolver or one DNS server
 * ({@code discovery.dns-server = host:port}). Each look-up has its own cache, so nothing is shared
 * between sessions or tests.
 */
public final class DnsJavaRecords implements DnsRecords {
    private final Resolver resolver;

    private DnsJavaRecords(Resolver resolver) {
        this.resolver = resolver;
    }

    /** @param server {@code host:port} (port 53 when omitted); empty = the system's resolvers */
    public static DnsJavaRecords create(Optional<String> server, Duration timeout) throws IOException {
        Resolver resolver;
        if (server.isPresent()) {
            String s = server.get().strip();
            int colon = s.lastIndexOf(':');
            boolean hasPort = colon > 0 && !s.endsWith("]") && s.indexOf(':') == colon;
            String host = hasPort ? s.substring(0, colon) : s;
            int port = hasPort ? Integer.parseInt(s.substring(colon + 1)) : 53;
            resolver = new SimpleResolver(new InetSocketAddress(host.replace("[", "").replace("]", ""), port));
        } else {
            resolver = new ExtendedResolver();
        }
        resolver.setTimeout(timeout);
        return new DnsJavaRecords(resolver);
    }

    @Override
    public List<SrvRecord> srv(String name) throws IOException {
        List<SrvRecord> out = new ArrayList<>();
        for (Record r : lookUp(name, Type.SRV)) {
            if (r instanceof SRVRecord srv) {
                out.add(new SrvRecord(srv.getPriority(), srv.getWeight(), srv.getPort(), host(srv.getTarget())));
            }
        }
        return out;
    }

    @Override
    public List<NaptrRecord> naptr(String name) throws IOException {
        List<NaptrRecord> out = new ArrayList<>();
        for (Record r : lookUp(name, Type.NAPTR)) {
            if (r instanceof NAPTRRecord n) {
                out.add(new NaptrRecord(n.getOrder(), n.getPreference(), n.getFlags(), n.getService(),
                        host(n.getReplacement())));
            }
        }
        return out;
    }

    private static String host(Name name) {
        return name.equals(Name.root) ? "." : name.toString(true);
    }

    private Record[] lookUp(String name, int type) throws IOException {
        Lookup lookup;
        try {
            lookup = new Lookup(Name.fromString(name.endsWith(".") ? name : name + "."), type, DClass.IN);
        } catch (TextParseException e) {
            throw new IOException("'" + name + "' is not a DNS name");
        }
        lookup.setResolver(resolver);
        lookup.setCache(new Cache(DClass.IN));
        Record[] records = lookup.run();
        return switch (lookup.getResult()) {
            case Lookup.SUCCESSFUL -> records;
            case Lookup.HOST_NOT_FOUND, Lookup.TYPE_NOT_FOUND -> new Record[0];
            default -> throw new IOException(lookup.getErrorString());
        };
    }
}
