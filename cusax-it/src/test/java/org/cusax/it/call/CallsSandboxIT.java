package org.cusax.it.call;

import org.cusax.it.support.profile.ServiceProfile;
import org.cusax.it.support.profile.ServiceProfileExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link CallsScenarios} against the in-process sandbox (the second server profile). */
class CallsSandboxIT extends CallsScenarios {
    @RegisterExtension
    static final ServiceProfileExtension SERVICE = ServiceProfileExtension.sandbox();

    @Override
    protected ServiceProfile service() {
        return SERVICE.profile();
    }
}
