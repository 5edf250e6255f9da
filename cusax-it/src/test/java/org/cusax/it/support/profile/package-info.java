/**
 * Server profiles: the servers an integration test runs against, either real Prosody + Kamailio
 * ({@link org.cusax.it.support.profile.RealServersProfile}) or the in-process sandbox
 * ({@link org.cusax.it.support.profile.SandboxProfile}), behind one interface
 * ({@link org.cusax.it.support.profile.ServiceProfile}) so the same test code runs against both.
 */
package org.cusax.it.support.profile;
