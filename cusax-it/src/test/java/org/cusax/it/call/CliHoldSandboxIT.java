package org.cusax.it.call;

import org.cusax.it.support.profile.ServiceProfile;
import org.cusax.it.support.profile.ServiceProfileExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link CliHoldScenarios} against the in-process sandbox (the second server profile). */
class CliHoldSandboxIT extends CliHoldScenarios {
    @RegisterExtension
    static final ServiceProfileExtension SERVICE = ServiceProfileExtension.sandbox();

    @Override
    protected ServiceProfile service() {
        return SERVICE.profile();
    }
}
