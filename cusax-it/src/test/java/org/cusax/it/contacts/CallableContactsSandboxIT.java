package org.cusax.it.contacts;

import org.cusax.it.support.profile.ServiceProfile;
import org.cusax.it.support.profile.ServiceProfileExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link CallableContactsScenarios} against the in-process sandbox (the second server profile). */
class CallableContactsSandboxIT extends CallableContactsScenarios {
    @RegisterExtension
    static final ServiceProfileExtension SERVICE = ServiceProfileExtension.sandbox();

    @Override
    protected ServiceProfile service() {
        return SERVICE.profile();
    }
}
