package org.cusax.testbed.netns;

import org.cusax.testbed.Testbed;
import org.cusax.testbed.TestbedOptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Like {@link org.cusax.testbed.junit.TestbedExtension}, with the servers inside a new
 * {@link IsolatedHost} (network namespace) per test class; after the last test, or when start-up
 * fails, the testbed is closed and the namespace deleted with every process left in it. Register
 * it on a static field:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final IsolatedTestbedExtension TB = new IsolatedTestbedExtension(TestbedOptions.defaults().withProsody(false));
 * ... TB.host().command(List.of("baresip", ...)) ... TB.testbed().createUser("bob") ...
 * }</pre>
 */
public final class IsolatedTestbedExtension implements BeforeAllCallback, AfterAllCallback, TestWatcher {

    private static final Logger LOG = LoggerFactory.getLogger(IsolatedTestbedExtension.class);
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(IsolatedTestbedExtension.class);

    private final TestbedOptions options;
    private volatile IsolatedHost host;
    private volatile Testbed testbed;

    public IsolatedTestbedExtension(TestbedOptions options) {
        this.options = options;
    }

    /** The namespace of the current test class. */
    public IsolatedHost host() {
        IsolatedHost h = host;
        if (h == null) {
            throw new IllegalStateException("no isolated host: register IsolatedTestbedExtension on a static field");
        }
        return h;
    }

    /** The testbed running in {@link #host()}. */
    public Testbed testbed() {
        Testbed tb = testbed;
        if (tb == null) {
            throw new IllegalStateException("the testbed is not running: register IsolatedTestbedExtension on a static field");
        }
        return tb;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        IsolatedHost h = IsolatedHost.create();
        host = h;
        context.getStore(NS).put(context.getUniqueId(), (ExtensionContext.Store.CloseableResource) this::closeAll);
        testbed = Testbed.start(options, h);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        context.getStore(NS).remove(context.getUniqueId());
        closeAll();
    }

    private synchronized void closeAll() {
        Testbed tb = testbed;
        IsolatedHost h = host;
        testbed = null;
        host = null;
        try {
            if (tb != null) {
                tb.close();
            }
        } finally {
            if (h != null) {
                h.close();
            }
        }
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        Testbed tb = testbed;
        if (tb == null) {
            return;
        }
        LOG.warn("{} failed; server logs of {} in {}:\n{}", context.getDisplayName(), tb.runDir(), host,
                tb.serverLogTails(30));
    }
}
