package org.cusax.testbed.junit;

import java.util.Optional;
import org.cusax.testbed.Testbed;
import org.cusax.testbed.TestbedOptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestWatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a {@link Testbed} before the first test of a class and closes it after the last one,
 * whatever happened in between. Register it on a <em>static</em> field:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final TestbedExtension TB = new TestbedExtension(TestbedOptions.defaults());
 *
 * @Test void aliceRegisters() { TestUser alice = TB.testbed().createUser("alice"); ... }
 * }</pre>
 *
 * or use {@code @ExtendWith(TestbedExtension.class)} (default options) and take a
 * {@link Testbed} parameter in tests or lifecycle methods. When a test fails, the tail of each
 * server log is logged as a warning.
 */
public final class TestbedExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver, TestWatcher {

    private static final Logger LOG = LoggerFactory.getLogger(TestbedExtension.class);
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(TestbedExtension.class);

    private final TestbedOptions options;
    private volatile Testbed testbed;

    /** Default options: both servers, domain cusax.test, MD5 digest. */
    public TestbedExtension() {
        this(TestbedOptions.defaults());
    }

    public TestbedExtension(TestbedOptions options) {
        this.options = options;
    }

    /** The running testbed of the current test class. */
    public Testbed testbed() {
        Testbed tb = testbed;
        if (tb == null) {
            throw new IllegalStateException("the testbed is not running: register TestbedExtension on a static field");
        }
        return tb;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        Testbed tb = Testbed.start(options);
        testbed = tb;
        // Closed by JUnit when the class's context ends, even if afterAll is never reached.
        context.getStore(NS).put(context.getUniqueId(), (ExtensionContext.Store.CloseableResource) tb::close);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Testbed tb = testbed;
        testbed = null;
        context.getStore(NS).remove(context.getUniqueId());
        if (tb != null) {
            tb.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == Testbed.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return testbed();
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        Testbed tb = testbed;
        if (tb == null) {
            return;
        }
        LOG.warn("{} failed; server logs of {}:\n{}", context.getDisplayName(), tb.runDir(), tb.serverLogTails(30));
    }

    @Override
    public void testDisabled(ExtensionContext context, Optional<String> reason) {
        // nothing to do
    }
}
