package org.cusax.it.identity;

import org.cusax.it.support.profile.ServiceProfile;
import org.cusax.it.support.profile.ServiceProfileExtension;
import org.cusax.testbed.TestbedOptions;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link CallerIdentityScenarios} against real Prosody and Kamailio. */
class CallerIdentityIT extends CallerIdentityScenarios {
    @RegisterExtension
    static final ServiceProfileExtension SERVICE = ServiceProfileExtension.realServers(TestbedOptions.defaults());

    @Override
    protected ServiceProfile service() {
        return SERVICE.profile();
    }
}
