package org.cusax.it.support.profile;

import java.util.Optional;
import java.util.function.Supplier;

import org.cusax.testbed.TestbedOptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a {@link ServiceProfile} before the first test of a class (before its {@code @BeforeAll}
 * methods) and closes it after the last, whatever happened in between. Register it on a
 * <em>static</em> field of the concrete test class:
 *
 * <pre>{@code
 * class CallsSandboxIT extends CallsScenarios {
 *     @RegisterExtension
 *     static final ServiceProfileExtension SERVICE = ServiceProfileExtension.sandbox();
 *
 *     @Override protected ServiceProfile service() { return SERVICE.profile(); }
 * }
 * }</pre>
 *
 * When a test fails, the profile's diagnostics (server log tails) are logged as a warning.
 */
public final class ServiceProfileExtension implements BeforeAllCallback, AfterAllCallback, TestWatcher {
    private static final Logger LOG = LoggerFactory.getLogger(ServiceProfileExtension.class);
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(ServiceProfileExtension.class);

    private final Supplier<ServiceProfile> starter;
    private volatile ServiceProfile profile;

    private ServiceProfileExtension(Supplier<ServiceProfile> starter) {
        this.starter = starter;
    }

    /** Real Prosody + Kamailio (cusax-testbed) started with {@code options}. */
    public static ServiceProfileExtension realServers(TestbedOptions options) {
        return new ServiceProfileExtension(() -> RealServersProfile.start(options));
    }

    /** The in-process sandbox with its default digest offer (SHA-256, then MD5). */
    public static ServiceProfileExtension sandbox() {
        return new ServiceProfileExtension(SandboxProfile::start);
    }

    /** The running profile of the current test class. */
    public ServiceProfile profile() {
        ServiceProfile p = profile;
        if (p == null) {
            throw new IllegalStateException("no server profile running: register ServiceProfileExtension on a "
                    + "static field");
        }
        return p;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        ServiceProfile p = starter.get();
        profile = p;
        // closed by JUnit when the class's context ends, even if afterAll is never reached
        context.getStore(NS).put(context.getUniqueId(), (ExtensionContext.Store.CloseableResource) p::close);
        LOG.info("{}: {}", context.getDisplayName(), p);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        ServiceProfile p = profile;
        profile = null;
        context.getStore(NS).remove(context.getUniqueId());
        if (p != null) {
            p.close();
        }
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        ServiceProfile p = profile;
        if (p != null) {
            LOG.warn("{} failed on {}; diagnostics:\n{}", context.getDisplayName(), p, p.diagnostics());
        }
    }

    @Override
    public void testDisabled(ExtensionContext context, Optional<String> reason) {
        // nothing to do
    }
}
