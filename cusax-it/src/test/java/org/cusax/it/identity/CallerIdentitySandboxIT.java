package org.cusax.it.identity;

import org.cusax.it.support.profile.ServiceProfile;
import org.cusax.it.support.profile.ServiceProfileExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link CallerIdentityScenarios} against the in-process sandbox (the second server profile). */
class CallerIdentitySandboxIT extends CallerIdentityScenarios {
    @RegisterExtension
    static final ServiceProfileExtension SERVICE = ServiceProfileExtension.sandbox();

    @Override
    protected ServiceProfile service() {
        return SERVICE.profile();
    }
}
