package org.cusax.it.contacts;

import org.cusax.it.support.profile.ServiceProfile;
import org.cusax.it.support.profile.ServiceProfileExtension;
import org.cusax.testbed.TestbedOptions;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link CallableContactsScenarios} against real Prosody and Kamailio. */
class CallableContactsIT extends CallableContactsScenarios {
    @RegisterExtension
    static final ServiceProfileExtension SERVICE = ServiceProfileExtension.realServers(TestbedOptions.defaults());

    @Override
    protected ServiceProfile service() {
        return SERVICE.profile();
    }
}
