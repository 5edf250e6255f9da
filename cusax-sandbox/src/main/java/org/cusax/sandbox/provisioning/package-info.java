/**
 * The sandbox's provider side: the demo accounts in an embedded user directory (H2 in memory) and the
 * HTTPS provisioning server of cusax-provisioning, whose documents point at the sandbox's own servers.
 */
package org.cusax.sandbox.provisioning;
