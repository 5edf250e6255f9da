package org.cusax.it.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.cusax.app.assembly.CusaxAssembly;
import org.cusax.core.client.CusaxClient;
import org.cusax.core.config.ClientConfig;
import org.cusax.core.config.ClientConfigLoader;
import org.cusax.core.config.ConfigFile;
import org.cusax.core.connection.ConnectionState;
import org.cusax.core.connection.ConnectionStatus;
import org.cusax.core.service.Half;
import org.cusax.core.testing.EventRecorder;
import org.cusax.it.support.profile.ServiceProfile;
import org.cusax.testbed.Testbed;
import org.cusax.testbed.TestUser;
import org.cusax.testbed.sip.SipTransport;

/**
 * The real client, built by the app's composition root from a config file written by the testbed or a server profile,
 * started, and recording every event.
 */
public final class RunningClient implements AutoCloseable {
    public static final Duration SETTLE = Duration.ofSeconds(30);

    private final CusaxClient client;
    private final EventRecorder events = new EventRecorder();
    private final Path configFile;

    private RunningClient(Path configFile, Map<String, String> overrides) {
        this.configFile = configFile;
        ClientConfig config = new ClientConfigLoader(Map.of(), Path.of(System.getProperty("user.home")))
                .load(ConfigFile.read(configFile).with(overrides));
        this.client = new CusaxAssembly().create(config);
        client.subscribe(events);
        client.start();
    }

    /** Starts {@code user}'s client with SIP over {@code transport}; {@code overrides} replace config keys. */
    public static RunningClient start(Testbed tb, TestUser user, SipTransport transport, Map<String, String> overrides) {
        return new RunningClient(tb.writeClientConfig(user, transport), overrides);
    }

    public static RunningClient start(Testbed tb, TestUser user, SipTransport transport) {
        return start(tb, user, transport, Map.of());
    }

    /** Starts {@code user}'s client against the profile's servers; {@code overrides} replace config keys. */
    public static RunningClient start(ServiceProfile service, TestUser user, SipTransport transport,
                                      Map<String, String> overrides) {
        return new RunningClient(service.writeClientConfig(user, transport), overrides);
    }

    public static RunningClient start(ServiceProfile service, TestUser user, SipTransport transport) {
        return start(service, user, transport, Map.of());
    }

    /** Writes a file holding a wrong password and returns the override that uses it for {@code half}. */
    public static Map<String, String> wrongPassword(Testbed tb, String prefix) throws java.io.IOException {
        return wrongPassword(tb.runDir(), prefix);
    }

    public static Map<String, String> wrongPassword(ServiceProfile service, String prefix) throws java.io.IOException {
        return wrongPassword(service.runDir(), prefix);
    }

    private static Map<String, String> wrongPassword(Path runDir, String prefix) throws java.io.IOException {
        Path file = Files.writeString(runDir.resolve(prefix + "-wrong.password"), "not-the-password\n");
        return Map.of(prefix + ".password-file", file.toString());
    }

    public CusaxClient client() {
        return client;
    }

    public EventRecorder events() {
        return events;
    }

    public Path configFile() {
        return configFile;
    }

    public ConnectionStatus status(Half half) {
        return half == Half.CHAT ? client.status().chat() : client.status().telephony();
    }

    /** Waits until {@code half} is in {@code state}; returns that status. */
    public ConnectionStatus await(Half half, ConnectionState state, Duration limit) {
        return Await.until(half.label() + " " + state, limit, () -> status(half), s -> s.state() == state);
    }

    public ConnectionStatus await(Half half, ConnectionState state) {
        return await(half, state, SETTLE);
    }

    @Override
    public void close() {
        client.close();
    }
}
